import { DataSource } from 'typeorm';
import { dataSourceOptions, openDatabase } from '../../src/db/createDataSource';
import { actingAs } from '../../src/engine/actorContext';
import { TaskCommandActors } from '../../src/engine/zeebe/TaskCommandActors';
import { TaskCommandRow } from '../../src/engine/zeebe/TaskCommandRow';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

const onMariaDb = testDatabases().filter(([kind]) => kind === 'mariadb');

describe.each(onMariaDb)('who sent a task command, across two servers on %s', (_kind, database) => {
  let db: TestDatabase;
  let pools: DataSource[];

  beforeAll(async () => {
    db = database();
    const url = await db.create();
    pools = [await openDatabase(url), await new DataSource(dataSourceOptions(url)).initialize()];
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.destroy()));
    await db.drop();
  });

  it('names the sender on the server whose worker takes the listener job while the command is in flight, and nobody after', async () => {
    const [a, b] = pools.map((pool) => new TaskCommandActors(pool));
    // when the approver's completion is in flight on A, B works its listener job
    const seenOnB = await actingAs({ username: 'approver.warranty' }, () => a.around('task-1', () => b.of('task-1')));
    expect(seenOnB).toEqual({ username: 'approver.warranty' });
    // then, the command answered, nothing is in flight any more
    expect(await b.of('task-1')).toBeUndefined();
    expect(await pools[0].getRepository(TaskCommandRow).count()).toBe(0);
  });

  it('forgets the command of a server that died with it in flight after two minutes', async () => {
    const [, b] = pools.map((pool) => new TaskCommandActors(pool));
    await pools[0].getRepository(TaskCommandRow).insert({ taskKey: 'task-2', token: 'dead-server', username: 'dealer1.staff', sentAt: new Date(Date.now() - 3 * 60_000) });
    expect(await b.of('task-2')).toBeUndefined();
    // a new command on the task takes its place
    const seen = await actingAs({ username: 'approver.warranty' }, () => b.around('task-2', () => b.of('task-2')));
    expect(seen).toEqual({ username: 'approver.warranty' });
  });
});
