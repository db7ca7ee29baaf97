import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource, EntityManager } from 'typeorm';
import { FIXTURES } from '../conformance';
import { EmbeddedEngine, TypeOrmStore } from '../src';
import { mariadbDatabase, openDataSource, type TestDatabase } from './support/testDataSources';

const fixture = (name: string) => ({ name, content: readFileSync(join(FIXTURES, name), 'utf8') });
const mysqlServer = (process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/^mariadb:/, 'mysql:').replace(/\/$/, '');

/** Kills the connections that use this test's own database, and no other. */
async function killConnections(dataSource: DataSource): Promise<number> {
  const name = dataSource.driver.database!;
  const admin = await createConnection(mysqlServer);
  try {
    const [rows] = await admin.query('SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()', [name]);
    for (const { id } of rows as Array<{ id: number }>) await admin.query(`KILL CONNECTION ${Number(id)}`).catch(() => undefined);
    return (rows as unknown[]).length;
  } finally {
    await admin.end();
  }
}

/** Instance keys as another connection sees them: only what is committed. */
async function committedInstances(dataSource: DataSource): Promise<string[]> {
  const other = await createConnection(`${mysqlServer}/${dataSource.driver.database!}`);
  try {
    const [rows] = await other.query('SELECT instance_key FROM engine_instance');
    return (rows as Array<{ instance_key: string }>).map((r) => String(r.instance_key)).sort();
  } finally {
    await other.end();
  }
}

(process.env.TEST_MYSQL === 'off' ? describe.skip : describe)('the SQL store on MariaDB when the database drops its connections', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let engine: EmbeddedEngine<EntityManager>;
  const acknowledged: string[] = [];

  beforeAll(async () => {
    db = await mariadbDatabase();
    dataSource = await openDataSource(db);
    engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), pollInterval: 0 });
    await engine.deploy([fixture('c_user_task.bpmn')]);
  });
  afterAll(async () => {
    await engine?.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  /** Starts an instance; remembers it when the engine acknowledged it. */
  async function start(): Promise<boolean> {
    try {
      acknowledged.push((await engine.createInstance('c_user_task')).processInstanceKey);
      return true;
    } catch {
      return false;
    }
  }

  it('steps start again by themselves once the killed connection is replaced', async () => {
    expect(await start()).toBe(true);
    expect(await killConnections(dataSource)).toBeGreaterThan(0);
    let recovered = false;
    for (let i = 0; i < 5 && !recovered; i += 1) recovered = await start();
    expect(recovered).toBe(true);
    for (let i = 0; i < 5; i += 1) expect(await start()).toBe(true);
    expect(await committedInstances(dataSource)).toEqual([...acknowledged].sort());
  });

  it('a step whose connection is killed inside its transaction fails alone; the next ones commit', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const off = engine.on('userTask.created', async (_event, manager) => {
      await manager.query('SELECT 1');
      entered();
      await gate;
    });
    const doomed = engine.createInstance('c_user_task');
    await inside;
    off();
    expect(await killConnections(dataSource)).toBeGreaterThan(0);
    release();
    await expect(doomed).rejects.toThrow();
    let recovered = false;
    for (let i = 0; i < 5 && !recovered; i += 1) recovered = await start();
    expect(recovered).toBe(true);
    for (let i = 0; i < 5; i += 1) expect(await start()).toBe(true);
    expect(await committedInstances(dataSource)).toEqual([...acknowledged].sort());
  });
});
