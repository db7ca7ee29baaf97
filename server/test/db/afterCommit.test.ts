import type { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/createDataSource';
import { afterCommit } from '../../src/db/afterCommit';
import { TaskEvents, type TaskChange } from '../../src/tasks/TaskEvents';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

const change = (key: string): TaskChange => ({ key, change: 'created', processInstanceKey: `pi-${key}`, dealerId: 'dealer1', assignee: null, candidateGroups: ['warranty'], candidateUsers: [] });

describe.each(testDatabases())('work after commit on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = database();
    dataSource = await openDatabase(await db.create());
    await dataSource.query('CREATE TABLE hint_probe (id INTEGER PRIMARY KEY)');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db.drop();
  });

  const probed = async (id: number) => (await dataSource.query('SELECT id FROM hint_probe WHERE id = ?', [id])).length === 1;

  it('a task stream hears a change once its transaction has committed, and a read then finds the change', async () => {
    const events = new TaskEvents();
    const heard: Array<{ key: string; readable: Promise<boolean> }> = [];
    events.subscribe((c) => heard.push({ key: c.key, readable: probed(1) }));
    await dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO hint_probe (id) VALUES (1)');
      await events.announce(manager, change('t1'));
      // when the transaction is still open, nobody has heard
      expect(heard).toEqual([]);
    });
    // then the hint went out once, and a read made on hearing it found the row
    expect(heard.map((h) => h.key)).toEqual(['t1']);
    expect(await heard[0].readable).toBe(true);
  });

  it('a rolled-back transaction tells nobody, and the next one on the same connection tells only its own', async () => {
    const ran: string[] = [];
    await expect(dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO hint_probe (id) VALUES (2)');
      afterCommit(manager, () => ran.push('rolled back'));
      throw new Error('the write failed');
    })).rejects.toThrow('the write failed');
    await dataSource.transaction(async (manager) => afterCommit(manager, () => ran.push('committed')));
    expect(ran).toEqual(['committed']);
    expect(await probed(2)).toBe(false);
  });

  it('work queued inside a savepoint waits for the outer commit, whatever became of the savepoint', async () => {
    const ran: string[] = [];
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.startTransaction();
      afterCommit(runner.manager, () => ran.push('released savepoint'));
      await runner.commitTransaction();
      await runner.startTransaction();
      afterCommit(runner.manager, () => ran.push('rolled-back savepoint'));
      await runner.rollbackTransaction();
      expect(ran).toEqual([]);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    // a savepoint's own rollback only ever costs a client a needless refetch
    expect(ran).toEqual(['released savepoint', 'rolled-back savepoint']);
  });

  it('outside a transaction the work runs at once', () => {
    const ran: string[] = [];
    afterCommit(dataSource.manager, () => ran.push('now'));
    expect(ran).toEqual(['now']);
  });
});
