/**
 * The crash test's worker process: `run` starts instances of the approval flow until it is
 * killed; `finish` (a fresh process on the same database) completes what is left. A ledger
 * table is written by listeners inside each engine step, so it shows exactly what committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { EmbeddedEngine, TypeOrmStore, engineEntities, engineMigrations } from '../../src';

const [mode, database, totalArg] = process.argv.slice(2);
const total = Number(totalArg);

async function main(): Promise<void> {
  const dataSource = new DataSource({ type: 'better-sqlite3', database, entities: engineEntities, migrations: engineMigrations, enableWAL: true, prepareDatabase: (db: { pragma(s: string): unknown }) => void db.pragma('busy_timeout = 5000') });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.query('CREATE TABLE IF NOT EXISTS crash_ledger (id INTEGER PRIMARY KEY AUTOINCREMENT, instance_key TEXT, n INTEGER, what TEXT)');
  // the finishing process runs a minute ahead, so the locks of the killed process have expired
  const offset = mode === 'finish' ? 60_000 : 0;
  const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), clock: { now: () => Date.now() + offset }, pollInterval: 0 });
  const ledger = (tx: EntityManager, key: string, n: number | null, what: string) => tx.query('INSERT INTO crash_ledger (instance_key, n, what) VALUES (?, ?, ?)', [key, n, what]);
  engine.on('instance.created', (e, tx) => ledger(tx, e.processInstanceKey, Number(e.variables.n), 'created'));
  engine.on('element.completed', (e, tx) => (e.elementId === 'credit' ? ledger(tx, e.processInstanceKey, null, 'job') : undefined));
  engine.on('userTask.completed', (e, tx) => ledger(tx, e.task.processInstanceKey, null, `task:${e.task.elementId}`));
  engine.on('instance.completed', (e, tx) => ledger(tx, e.processInstanceKey, null, 'done'));
  await engine.deploy([{ name: 'c_approval.bpmn', content: readFileSync(join(__dirname, '../../conformance/fixtures/c_approval.bpmn'), 'utf8') }]);
  engine.createWorker('check-credit-limit', async (job, act) => act.complete({ creditOk: true }), { timeout: 30_000 });

  const created = new Set<number>((await dataSource.query("SELECT n FROM crash_ledger WHERE what = 'created'")).map((r: { n: number }) => Number(r.n)));
  const completeOpenTasks = async () => {
    for (const task of await engine.searchUserTasks({ state: 'CREATED' })) await engine.completeUserTask(task.key, { approved: true });
  };
  await engine.tick();
  for (let n = 0; n < total; n++) {
    if (created.has(n)) continue;
    const ref = await engine.createInstance('c_approval', { n, amount: n % 2 === 0 ? 5000 : 500 });
    const [submit] = await engine.searchUserTasks({ processInstanceKey: ref.processInstanceKey });
    await engine.completeUserTask(submit.key, {});
    if (n % 25 === 24) await completeOpenTasks();
    process.stdout.write(`created ${n}\n`);
  }
  for (let round = 0; round < 200; round++) {
    await new Promise((r) => setTimeout(r, 5));
    await engine.tick();
    await completeOpenTasks();
    const [{ c }] = await dataSource.query("SELECT COUNT(*) AS c FROM crash_ledger WHERE what = 'done'");
    if (Number(c) >= total) break;
  }
  await engine.close();
  await dataSource.destroy();
  process.stdout.write('finished\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
