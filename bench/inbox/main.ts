/**
 * The inbox benchmark (issue 5): MariaDB with 1M tasks over 10k users and 200 dealers.
 * Measures a dealer user's inbox and an approver's queue (first page and the next one by
 * cursor) through our InboxQuery / ApprovalQueue against the general plan it used before and
 * two naive peers on the same data and users, prints the ANALYZE of our queries (plan and rows
 * really read), then loads the HTTP endpoints with autocannon. A database made by older
 * migrations is rebuilt.
 * Run: `npm run bench:inbox -w @dealerflow/bench [-- --reseed] [-- --iterations 500] [-- --seconds 10] [-- --no-http]`
 * Env: BENCH_MARIADB_URL (default mariadb://root@127.0.0.1:3306); the database is df_bench_inbox.
 */
import { openDatabase } from '@dealerflow/server/dist/db/createDataSource';
import { httpLoad } from './http';
import { measure } from './measure';
import { existingTasks, seed, SIZE } from './seed';

const DATABASE = 'df_bench_inbox';
const TARGET_P95_MS = 20;

const out = (line = '') => process.stdout.write(`${line}\n`);
/** A ratio with two significant digits (0.0031, 0.62, 4.3, 437). */
const times = (ratio: number) => (ratio >= 10 ? ratio.toFixed(0) : ratio.toPrecision(2));

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<void> {
  const serverUrl = (process.env.BENCH_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/$/, '');
  const databaseUrl = `${serverUrl}/${DATABASE}`;
  const iterations = option('iterations', 500);
  const seconds = option('seconds', 10);
  const connections = option('connections', 20);

  const existing = await existingTasks(serverUrl, DATABASE);
  let ds;
  if (process.argv.includes('--reseed') || existing !== SIZE.tasks) {
    out(`seeding ${DATABASE} (${existing === null ? 'absent, or made by older migrations' : `${existing} tasks`}): ${SIZE.dealers} dealers, ${SIZE.users} users (${SIZE.approvers} approvers), ${SIZE.tasks} tasks`);
    const t0 = performance.now();
    ds = await seed(serverUrl, DATABASE, out);
    out(`seed took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    out(`reusing ${DATABASE} (${existing} tasks; --reseed to rebuild)`);
    ds = await openDatabase(databaseUrl);
  }
  try {
    const [counts] = await ds.query(`SELECT COUNT(*) AS tasks, SUM(state = 'open') AS open, (SELECT COUNT(*) FROM task_candidate) AS candidates,
      (SELECT COUNT(*) FROM app_user) AS users, (SELECT COUNT(*) FROM dealer) AS dealers FROM task`);
    const [versions] = await ds.query('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool');
    out(`data: ${counts.tasks} tasks (${counts.open} open), ${counts.candidates} task_candidate rows, ${counts.users} users, ${counts.dealers} dealers; MariaDB ${versions.version}, buffer pool ${Math.round(Number(versions.pool) / 2 ** 20)} MiB`);
    out();
    out(`measuring (${iterations} iterations each after a warm-up; at most 45 s each; the no-index peer page 1 only, 5 to 20 runs):`);
    const results = await measure(ds, iterations, out);
    out();
    out(`sample: ${results.sample.dealerUsers} dealer users, ${results.sample.approvers} approvers, limit 50 per page`);
    out(`${'query'.padEnd(32)} ${'contender'.padEnd(26)} ${'n'.padStart(4)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'reads'.padStart(6)}  ${'÷ ours p50'.padStart(13)} ${'p95'.padStart(7)}`);
    for (const row of results.rows) {
      const ours = results.rows.find((r) => r.query === row.query && r.contender.startsWith('ours'))!;
      const ratio = row === ours ? '' : `${times(row.stats.p50 / ours.stats.p50).padStart(12)}× ${times(row.stats.p95 / ours.stats.p95).padStart(6)}×`;
      const flag = row === ours ? (row.stats.p95 < TARGET_P95_MS ? '  (p95 < 20 ms: met)' : '  (p95 < 20 ms: MISSED)') : '';
      out(`${row.query.padEnd(32)} ${row.contender.padEnd(26)} ${String(row.stats.n).padStart(4)} ${row.stats.p50.toFixed(2).padStart(8)} ${row.stats.p95.toFixed(2).padStart(8)} ${row.stats.p99.toFixed(2).padStart(8)} ${row.reads.toFixed(1).padStart(6)}  ${ratio}${flag}`);
    }
    for (const explain of results.explains) {
      out();
      out(`ANALYZE ${explain.title}:`);
      out(`  ${explain.sql.replace(/\s+/g, ' ').replace(/SELECT .*? FROM/, 'SELECT … FROM')}`);
      for (const step of explain.plan) {
        out(`  ${String(step.id).padEnd(4)} ${String(step.select_type).padEnd(18)} ${String(step.table).padEnd(14)} ${String(step.type).padEnd(7)} key=${String(step.key)} rows=${String(step.rows)} r_rows=${String(step.r_rows)} r_filtered=${String(step.r_filtered)} ${String(step.Extra ?? '')}`);
      }
    }
  } finally {
    await ds.destroy();
  }
  if (process.argv.includes('--no-http')) return;
  out();
  out(`HTTP: a real server on ${DATABASE}, autocannon ${connections} connections × ${seconds} s per endpoint, 4 signed-in users cycled per connection`);
  for (const { path, users, result } of await httpLoad(databaseUrl, seconds, connections)) {
    out(`GET ${path.padEnd(15)} ${result.requests.average.toFixed(0).padStart(6)} req/s  latency p50 ${result.latency.p50} ms  p97.5 ${result.latency.p97_5} ms  p99 ${result.latency.p99} ms  (${result.requests.total} requests, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}; users ${users.join(', ')})`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
