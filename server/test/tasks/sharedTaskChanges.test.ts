import { DataSource } from 'typeorm';
import { dataSourceOptions, openDatabase } from '../../src/db/createDataSource';
import { shareTaskChanges, type TaskChangeRelay } from '../../src/tasks/sharedTaskChanges';
import { TaskChangeRow } from '../../src/tasks/TaskChangeRow';
import { TaskEvents, type TaskChange } from '../../src/tasks/TaskEvents';
import { eventually } from '../support/eventually';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

const onMariaDb = testDatabases().filter(([kind]) => kind === 'mariadb');
const timing = { pollMs: 20, holeWaitMs: 1_000, keepMs: 60_000 };

const change = (key: string): TaskChange => ({ key, change: 'created', processInstanceKey: `pi-${key}`, dealerId: 'dealer1', assignee: null, candidateGroups: ['warranty'], candidateUsers: [] });

/** A server's part: its own pool on the database, its streams' fan-out, what reached them, and its relay. */
interface Server { dataSource: DataSource; events: TaskEvents; heard: string[]; relay: TaskChangeRelay }

describe.each(onMariaDb)('task changes two servers share on %s', (_kind, database) => {
  let db: TestDatabase;
  let servers: Server[];

  beforeAll(async () => {
    db = database();
    const url = await db.create();
    const pools = [await openDatabase(url), await new DataSource(dataSourceOptions(url)).initialize()];
    servers = await Promise.all(pools.map(async (dataSource) => {
      const events = new TaskEvents();
      const heard: string[] = [];
      events.subscribe((c) => heard.push(c.key));
      return { dataSource, events, heard, relay: await shareTaskChanges(dataSource, events, (error) => { throw error; }, timing) };
    }));
  });
  afterAll(async () => {
    await Promise.all(servers.map(async (s) => { await s.relay.stop(); await s.dataSource.destroy(); }));
    await db.drop();
  });
  beforeEach(() => servers.forEach((s) => s.heard.splice(0)));

  /** A change as a server's inbox makes it: recorded in the transaction, told to its own streams. */
  const made = ({ dataSource, events }: Server, key: string) => dataSource.transaction((manager) => events.announce(manager, change(key)));

  it('tells the other server\'s streams each change once, and the maker\'s own streams only once', async () => {
    const [a, b] = servers;
    await made(a, 't1');
    await made(b, 't2');
    await made(a, 't3');
    await eventually(async () => {
      expect(b.heard.sort()).toEqual(['t1', 't2', 't3']);
      expect(a.heard.sort()).toEqual(['t1', 't2', 't3']);
    });
    // a few more reads change nothing
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([a.heard.length, b.heard.length]).toEqual([3, 3]);
  });

  it('still passes on a change whose transaction took its id first and committed last', async () => {
    const [a, b] = servers;
    // given a transaction on A that holds its id open while a later one commits
    let commitSlow!: () => void;
    let tookId!: () => void;
    const held = new Promise<void>((resolve) => { commitSlow = resolve; });
    const inserted = new Promise<void>((resolve) => { tookId = resolve; });
    const slow = a.dataSource.transaction(async (manager) => {
      await a.events.announce(manager, change('slow'));
      tookId();
      await held;
    });
    await inserted;
    await made(a, 'fast');
    const ids = async () => (await a.dataSource.getRepository(TaskChangeRow).find({ order: { id: 'ASC' } })).map((row) => row.change.key);
    await eventually(async () => expect(b.heard).toEqual(['fast']));
    // when the first one commits
    commitSlow();
    await slow;
    // then B hears it too, and nothing twice
    await eventually(async () => expect(b.heard).toEqual(['fast', 'slow']));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(b.heard).toEqual(['fast', 'slow']);
    // the ids were indeed taken in the other order
    expect((await ids()).slice(-2)).toEqual(['slow', 'fast']);
  });

  it('sends nothing for a change that rolled back, and moves past the id it left empty', async () => {
    const [a, b] = servers;
    await a.dataSource.transaction(async (manager) => {
      await a.events.announce(manager, change('undone'));
      throw new Error('the inbox write failed');
    }).catch(() => undefined);
    await made(a, 'after');
    await eventually(async () => expect(b.heard).toEqual(['after']));
    // past the hole's wait, later changes still arrive at once
    await new Promise((resolve) => setTimeout(resolve, timing.holeWaitMs + 100));
    await made(a, 'later');
    await eventually(async () => expect(b.heard).toEqual(['after', 'later']));
  });
});

describe('task changes on the embedded SQLite database', () => {
  it('keeps nothing: one server has nobody to tell', async () => {
    const [[, database]] = testDatabases();
    const db = database();
    const dataSource = await openDatabase(await db.create());
    try {
      const events = new TaskEvents();
      const heard: string[] = [];
      events.subscribe((c) => heard.push(c.key));
      const relay = await shareTaskChanges(dataSource, events, () => undefined, timing);
      await dataSource.transaction((manager) => events.announce(manager, change('t1')));
      expect(heard).toEqual(['t1']);
      expect(await dataSource.getRepository(TaskChangeRow).count()).toBe(0);
      await relay.stop();
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });
});
