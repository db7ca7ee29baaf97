import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/db/createDataSource';
import { TaskDealerName1735200000000 } from '../../src/tasks/1735200000000-TaskDealerName';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

const columns = '`key`, processInstanceKey, bpmnProcessId, elementId, name, state, candidateGroups, candidateUsers, dealerId, dueSort, createdAt';
const task = (key: string, state: string, dealerId: string | null) =>
  `('${key}', 'pi-${key}', 'warranty-claim', 'Decide', 'Decide', '${state}', '[]', '[]', ${dealerId ? `'${dealerId}'` : 'NULL'}, '2026-11-05 10:00:00.000', '2026-11-01 09:00:00.000')`;

describe.each(testDatabases())('the task dealer name migration on %s', (_kind, database) => {
  let db: TestDatabase;
  let url: string;
  const open = async (withDealerName: boolean) => {
    const options = dataSourceOptions(url);
    const migrations = (options.migrations as (typeof TaskDealerName1735200000000)[]).filter((m) => withDealerName || m !== TaskDealerName1735200000000);
    const dataSource = new DataSource({ ...options, migrations } as typeof options);
    await dataSource.initialize();
    return dataSource;
  };

  beforeAll(async () => {
    db = database();
    url = await db.create();
  });
  afterAll(() => db.drop());

  it('gives existing tasks their dealer’s name, empty without a dealer, and the schema the entities describe', async () => {
    // Given a database from before, with dealers and tasks of them
    const before = await open(false);
    await before.runMigrations();
    await before.query("INSERT INTO dealer (id, name, region, territoryCodes) VALUES ('dealer1', 'Автоцентр Москва', 'Москва', '[]'), ('dealer2', 'Автоцентр Казань', 'Татарстан', '[]')");
    await before.query(`INSERT INTO task (${columns}) VALUES ${[task('t1', 'open', 'dealer1'), task('t2', 'completed', 'dealer2'), task('t3', 'open', null), task('t4', 'open', 'gone')].join(', ')}`);
    await before.destroy();

    // When the migration runs
    const after = await open(true);
    try {
      expect(await after.runMigrations()).toEqual([expect.objectContaining({ name: 'TaskDealerName1735200000000' })]);

      // Then each task carries its dealer's name
      const rows: { key: string; dealerName: string }[] = await after.query('SELECT `key`, dealerName FROM task ORDER BY `key`');
      expect(rows).toEqual([
        { key: 't1', dealerName: 'Автоцентр Москва' },
        { key: 't2', dealerName: 'Автоцентр Казань' },
        { key: 't3', dealerName: '' },
        { key: 't4', dealerName: '' },
      ]);
      // And the schema is the one the entities describe, also after a rollback and a second run
      expect((await after.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)).toEqual([]);
      await after.undoLastMigration();
      await after.runMigrations();
      expect(await after.query('SELECT `key`, dealerName FROM task ORDER BY `key`')).toEqual(rows);
      expect((await after.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await after.destroy();
    }
  });
});
