/**
 * The Cases search at a million cases (issue 16): our CaseSearch (the SQL, the masking, the
 * process names and current steps) against two peers measured in the same run on the same
 * data: the bare SQL of the same query (what the database alone costs) and the same query
 * with the search indexes switched off (`NOT INDEXED` / `IGNORE INDEX`). Prints p50 / p95 and
 * the ratios. Run: `npm run bench:cases -w @dealerflow/bench [-- --mariadb] [-- --reseed] [-- --iterations 200]`.
 * SQLite lives in BENCH_SQLITE_FILE (default: df_bench_cases.sqlite in the temp folder); MariaDB (BENCH_MARIADB_URL) in df_bench_cases.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserDirectory } from '@dealerflow/server/dist/auth/UserDirectory';
import { AuditTrail } from '@dealerflow/server/dist/audit/AuditTrail';
import { CaseSearch, type CaseFilter } from '@dealerflow/server/dist/cases/CaseSearch';
import { openDatabase } from '@dealerflow/server/dist/db/createDataSource';
import { ensureRoles, seedDemoData } from '@dealerflow/server/dist/demo/seed';
import { User } from '@dealerflow/server/dist/entities/User';
import { FormCatalog } from '@dealerflow/server/dist/processes/FormCatalog';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { time, type Stats } from '../inbox/stats';
import { seedCases, SIZE } from './seed';

const out = (line = '') => process.stdout.write(`${line}\n`);
const times = (ratio: number) => (ratio >= 10 ? ratio.toFixed(0) : ratio.toPrecision(2));
const option = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);

async function open(mariadb: boolean, reseed: boolean): Promise<DataSource> {
  if (!mariadb) {
    const file = process.env.BENCH_SQLITE_FILE ?? join(tmpdir(), 'df_bench_cases.sqlite');
    if (reseed) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    return openDatabase(`sqlite:${file}`);
  }
  const server = (process.env.BENCH_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/$/, '');
  const admin = await createConnection(server.replace(/^mariadb:/, 'mysql:'));
  if (reseed) await admin.query('DROP DATABASE IF EXISTS df_bench_cases');
  await admin.query('CREATE DATABASE IF NOT EXISTS df_bench_cases CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  await admin.end();
  return openDatabase(`${server}/df_bench_cases`);
}

/** The same SQL with the table's secondary indexes switched off. */
function withoutIndexes(dataSource: DataSource, sql: string, indexes: string[]): string {
  if (dataSource.options.type === 'better-sqlite3') return sql.replace('FROM "process_instance" "i"', 'FROM "process_instance" "i" NOT INDEXED');
  return sql.replace('FROM `process_instance` `i`', `FROM \`process_instance\` \`i\` IGNORE INDEX (${indexes.join(', ')})`);
}

async function main(): Promise<void> {
  const mariadb = process.argv.includes('--mariadb');
  const iterations = option('iterations', 200);
  const dataSource = await open(mariadb, process.argv.includes('--reseed'));
  try {
    const countCases = async () => Number(((await dataSource.query('SELECT COUNT(*) AS count FROM process_instance')) as { count: number | string }[])[0].count);
    if ((await countCases()) < SIZE.cases) {
      out(`seeding ${SIZE.cases} cases over ${SIZE.dealers} dealers (${mariadb ? 'MariaDB' : 'SQLite'})`);
      const t0 = performance.now();
      const audit = new AuditTrail(dataSource);
      await ensureRoles(dataSource, audit);
      await seedDemoData(dataSource, audit);
      await seedCases(dataSource, out);
      if (mariadb) await dataSource.query('ANALYZE TABLE process_instance');
      out(`seed took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const directory = new UserDirectory(dataSource);
    const as = async (username: string) => directory.withAbility(await dataSource.getRepository(User).findOneByOrFail({ username }));
    const [dealer, distributor] = [await as('dealer1.staff'), await as('approver.warranty')];
    const sample = ((await dataSource.query("SELECT vin, customerName, caseRef FROM process_instance WHERE dealerId = 'dealer1' AND vin IS NOT NULL AND customerName IS NOT NULL ORDER BY caseRef LIMIT 1")) as { vin: string; customerName: string; caseRef: string }[])[0];
    const indexes = ((await dataSource.query(mariadb
      ? "SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'process_instance' AND INDEX_NAME <> 'PRIMARY'"
      : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'process_instance' AND name LIKE 'IDX%'")) as { name: string }[]).map((r) => r.name);
    const search = new CaseSearch(dataSource, new FormCatalog(dataSource));
    const queries: [string, typeof dealer, CaseFilter][] = [
      ['dealer: VIN, 8 characters', dealer, { vin: sample.vin.slice(0, 8) }],
      ['distributor: whole VIN', distributor, { vin: sample.vin }],
      ['distributor: customer name', distributor, { customer: sample.customerName }],
      ['dealer: customer surname', dealer, { customer: sample.customerName.split(' ')[0] }],
      ['distributor: case reference', distributor, { ref: sample.caseRef }],
      ['dealer: newest cases', dealer, {}],
      ['distributor: active claims', distributor, { processId: 'warranty-claim', state: 'active' }],
    ];
    out(`${await countCases()} cases; ${mariadb ? 'MariaDB' : 'SQLite'}; ${iterations} iterations (no-index peer: 3 to 10); page of 50`);
    out(`${'query'.padEnd(30)} ${'rows'.padStart(4)} ${'ours p50'.padStart(9)} ${'p95'.padStart(7)} ${'bare SQL p50'.padStart(13)} ${'÷ bare'.padStart(7)} ${'no index p50'.padStart(13)} ${'no index ÷ ours'.padStart(16)}`);
    for (const [name, user, filter] of queries) {
      const [sql, parameters] = search.query(user, filter).limit(51).getQueryAndParameters();
      const rows = (await search.page(user, filter)).items.length;
      const ours: Stats = await time(iterations, 30_000, () => search.page(user, filter));
      const bare: Stats = await time(iterations, 30_000, () => dataSource.query(sql, parameters));
      const slow: Stats = await time(10, 30_000, () => dataSource.query(withoutIndexes(dataSource, sql, indexes), parameters), 3);
      out(`${name.padEnd(30)} ${String(rows).padStart(4)} ${ours.p50.toFixed(2).padStart(9)} ${ours.p95.toFixed(2).padStart(7)} ${bare.p50.toFixed(2).padStart(13)} ${times(ours.p50 / bare.p50).padStart(6)}× ${slow.p50.toFixed(1).padStart(13)} ${times(slow.p50 / ours.p50).padStart(15)}×`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
