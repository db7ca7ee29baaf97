import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/db/createDataSource';
import { InboxIndexes1733200000000 } from '../../src/tasks/1733200000000-InboxIndexes';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

const columns = '`key`, processInstanceKey, bpmnProcessId, elementId, name, state, candidateGroups, candidateUsers, dealerId, dueSort, createdAt';
const task = (key: string, state: string, dealerId: string | null, dueSort: string) =>
  `('${key}', 'pi-${key}', 'warranty-claim', 'Decide', 'Decide', '${state}', '[]', '[]', ${dealerId ? `'${dealerId}'` : 'NULL'}, '${dueSort}', '2026-11-01 09:00:00.000')`;

interface CandidateRow { taskKey: string; principal: string; state: string; dealerId: string | null; dueSort: Date | string }

describe.each(testDatabases())('the inbox indexes migration on %s', (_kind, database) => {
  let db: TestDatabase;
  let url: string;
  const open = async (withInboxIndexes: boolean) => {
    const options = dataSourceOptions(url);
    const migrations = (options.migrations as (typeof InboxIndexes1733200000000)[]).filter((m) => withInboxIndexes || m !== InboxIndexes1733200000000);
    const dataSource = new DataSource({ ...options, migrations } as typeof options);
    await dataSource.initialize();
    return dataSource;
  };
  const candidates = async (dataSource: DataSource) => {
    const rows: CandidateRow[] = await dataSource.query('SELECT taskKey, principal, state, dealerId, dueSort FROM task_candidate ORDER BY taskKey, principal');
    return rows.map((r) => ({ ...r, dueSort: new Date(typeof r.dueSort === 'string' ? `${r.dueSort.replace(' ', 'T')}Z` : r.dueSort).toISOString() }));
  };

  beforeAll(async () => {
    db = database();
    url = await db.create();
  });
  afterAll(() => db.drop());

  it('fills the candidates of existing tasks from their tasks, drops orphans, and does it again the same after a rollback', async () => {
    // Given a database migrated before the inbox indexes, with tasks and their candidates
    const before = await open(false);
    await before.runMigrations();
    await before.query(`INSERT INTO task (${columns}) VALUES ${[
      task('t1', 'open', 'dealer1', '2026-11-05 10:00:00.000'),
      task('t2', 'completed', 'dealer2', '2026-11-03 10:00:00.000'),
      task('t3', 'open', null, '9999-12-31 00:00:00.000'),
    ].join(', ')}`);
    await before.query(`INSERT INTO task_candidate (taskKey, principal) VALUES ('t1', 'group:dealer-staff'), ('t1', 'user:dealer1.staff'), ('t2', 'group:dealer-staff'), ('t3', 'group:warranty'), ('gone', 'group:warranty')`);
    await before.destroy();

    // When the inbox indexes migration runs
    const after = await open(true);
    try {
      expect(await after.runMigrations()).toEqual([expect.objectContaining({ name: 'InboxIndexes1733200000000' })]);

      // Then every candidate carries its task's state, dealer and due order
      const filled = await candidates(after);
      expect(filled).toEqual([
        { taskKey: 't1', principal: 'group:dealer-staff', state: 'open', dealerId: 'dealer1', dueSort: '2026-11-05T10:00:00.000Z' },
        { taskKey: 't1', principal: 'user:dealer1.staff', state: 'open', dealerId: 'dealer1', dueSort: '2026-11-05T10:00:00.000Z' },
        { taskKey: 't2', principal: 'group:dealer-staff', state: 'completed', dealerId: 'dealer2', dueSort: '2026-11-03T10:00:00.000Z' },
        { taskKey: 't3', principal: 'group:warranty', state: 'open', dealerId: null, dueSort: '9999-12-31T00:00:00.000Z' },
      ]);

      // And rolling it back and applying it again gives the same rows and the schema the entities describe
      await after.undoLastMigration();
      const rolledBack: Record<string, unknown>[] = await after.query('SELECT * FROM task_candidate');
      expect(rolledBack.map((row) => Object.keys(row).sort())).toEqual(Array(4).fill(['principal', 'taskKey']));
      await after.runMigrations();
      expect(await candidates(after)).toEqual(filled);
      expect((await after.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await after.destroy();
    }
  });
});
