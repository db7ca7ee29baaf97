import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '@dealerflow/server/dist/audit/AuditTrail';
import { hashPassword } from '@dealerflow/server/dist/auth/passwords';
import { dataSourceOptions, openDatabase } from '@dealerflow/server/dist/db/createDataSource';
import { ensureRoles } from '@dealerflow/server/dist/demo/seed';
import { NO_DUE_DATE } from '@dealerflow/server/dist/tasks/TaskProjection';
import { random } from './stats';

/** The size of the bench network (issue 5). */
export const SIZE = { dealers: 200, users: 10_000, approvers: 30, tasks: 1_000_000 };
/** Every bench user's password. */
export const BENCH_PASSWORD = 'bench-password';
const BATCH = 2_000;
const PARALLEL = 3;
const DAY = 86_400_000;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const dealerId = (d: number) => `bd${pad(d + 1, 3)}`;
export const dealerUser = (d: number, n: number) => `bench.d${pad(d + 1, 3)}.u${pad(n, 2)}`;
export const approverName = (k: number) => `bench.approver.${pad(k, 2)}`;
/** Users per dealer: 9,970 dealer users over 200 dealers (the last 30 dealers have one fewer). */
const dealerUsersOf = (d: number) => (d < (SIZE.users - SIZE.approvers) % SIZE.dealers ? 50 : 49);
/** A dealer's users with n % 5 === 0 are dealer managers (10 per dealer), the rest dealer staff. */
export const isManager = (n: number) => n % 5 === 0;
/** The approvers' extra groups: 10 warranty, 8 sales, 6 finance, 3 warranty+sales, 3 all three. */
export function approverGroups(k: number): string[] {
  if (k < 10) return ['warranty'];
  if (k < 18) return ['sales'];
  if (k < 24) return ['finance'];
  if (k < 27) return ['warranty', 'sales'];
  return ['warranty', 'sales', 'finance'];
}

const sql = (value: string | number | null) => (value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
const datetime = (d: Date | null) => (d === null ? null : d.toISOString().replace('T', ' ').slice(0, 23));
const row = (values: (string | number | null)[]) => `(${values.map(sql).join(',')})`;

/** Runs `jobs` with at most `parallel` in flight. */
async function pool(jobs: (() => Promise<unknown>)[], parallel: number): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < jobs.length) await jobs[next++]();
  }));
}

/**
 * How many tasks the bench database holds, or null when it does not exist yet or was made by
 * older migrations than the server has now (then its schema and data are stale: reseed).
 */
export async function existingTasks(serverUrl: string, database: string): Promise<number | null> {
  const admin = await createConnection({ uri: serverUrl.replace(/^mariadb:/, 'mysql:') });
  try {
    const [tables] = await admin.query('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (?)', [database, ['task', 'migrations']]);
    if ((tables as { name: string }[]).length < 2) return null;
    const [applied] = await admin.query(`SELECT name FROM \`${database}\`.migrations`);
    const names = new Set((applied as { name: string }[]).map((m) => m.name));
    const expected = (dataSourceOptions(serverUrl).migrations as (new () => { name?: string })[]).map((M) => new M().name ?? M.name);
    if (!expected.every((name) => names.has(name))) return null;
    const [rows] = await admin.query(`SELECT COUNT(*) AS n FROM \`${database}\`.task`);
    return Number((rows as { n: number }[])[0].n);
  } finally {
    await admin.end();
  }
}

async function recreateDatabase(serverUrl: string, database: string): Promise<void> {
  const admin = await createConnection({ uri: serverUrl.replace(/^mariadb:/, 'mysql:') });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
}

/**
 * Drops the secondary indexes of `tables` (as the migrations made them) and returns the
 * statements that put them back: a bulk load then builds each index once, sorted.
 */
async function deferIndexes(ds: DataSource, tables: string[]): Promise<string[]> {
  const rows: { TABLE_NAME: string; INDEX_NAME: string; NON_UNIQUE: number | string; COLUMN_NAME: string; SUB_PART: number | null }[] = await ds.query(
    `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (?) AND INDEX_NAME <> 'PRIMARY' ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`, [tables]);
  const restore: string[] = [];
  for (const table of tables) {
    const indexes = new Map<string, { unique: boolean; columns: string[] }>();
    for (const r of rows.filter((x) => x.TABLE_NAME === table)) {
      const index = indexes.get(r.INDEX_NAME) ?? { unique: Number(r.NON_UNIQUE) === 0, columns: [] };
      index.columns.push(`\`${r.COLUMN_NAME}\`${r.SUB_PART ? `(${r.SUB_PART})` : ''}`);
      indexes.set(r.INDEX_NAME, index);
    }
    if (indexes.size === 0) continue;
    await ds.query(`ALTER TABLE \`${table}\` ${[...indexes.keys()].map((name) => `DROP INDEX \`${name}\``).join(', ')}`);
    restore.push(`ALTER TABLE \`${table}\` ${[...indexes].map(([name, i]) => `ADD ${i.unique ? 'UNIQUE ' : ''}INDEX \`${name}\` (${i.columns.join(', ')})`).join(', ')}`);
  }
  return restore;
}

const dealerProcesses = [
  { id: 'warranty-claim', element: 'prepare-claim', name: 'Prepare the warranty claim', form: 'warranty-claim' },
  { id: 'tender-reservation', element: 'reserve-vehicle', name: 'Reserve vehicles for the tender', form: 'tender-reservation' },
  { id: 'vehicle-allocation', element: 'confirm-allocation', name: 'Confirm the allocation', form: 'vehicle-allocation' },
];
const approvalProcesses: Record<string, { id: string; element: string; name: string }> = {
  warranty: { id: 'warranty-claim', element: 'approve-claim', name: 'Approve the warranty claim' },
  sales: { id: 'tender-reservation', element: 'approve-discount', name: 'Approve the tender discount' },
  finance: { id: 'vehicle-allocation', element: 'approve-credit', name: 'Approve the credit limit' },
};

/**
 * One bench task, deterministic in `i`: 70 % dealer work (dealer-staff 60 %, dealer-manager
 * 25 %, both 15 %; 5 % also offered to one named user), 30 % distributor approvals (warranty
 * 50 %, sales 30 %, finance 20 %); 85 % open, 12 % completed, 3 % cancelled; 8 % of open
 * tasks claimed; due within ±30 days of `now`, 10 % without a due date.
 */
function task(i: number, rnd: () => number, now: number): { values: (string | number | null)[]; principals: string[] } {
  const d = Math.floor(rnd() * SIZE.dealers);
  const approval = rnd() < 0.3;
  let groups: string[];
  let users: string[] = [];
  let process: { id: string; element: string; name: string; form?: string };
  const someDealerUser = () => dealerUser(d, Math.floor(rnd() * 49));
  if (approval) {
    const r = rnd();
    const group = r < 0.5 ? 'warranty' : r < 0.8 ? 'sales' : 'finance';
    groups = [group];
    process = approvalProcesses[group];
  } else {
    const r = rnd();
    groups = r < 0.6 ? ['dealer-staff'] : r < 0.85 ? ['dealer-manager'] : ['dealer-staff', 'dealer-manager'];
    if (rnd() < 0.05) users = [someDealerUser()];
    process = dealerProcesses[Math.floor(rnd() * dealerProcesses.length)];
  }
  const s = rnd();
  const state = s < 0.85 ? 'open' : s < 0.97 ? 'completed' : 'cancelled';
  const approverOf = (group: string) => {
    const fits = Array.from({ length: SIZE.approvers }, (_, k) => k).filter((k) => approverGroups(k).includes(group));
    return approverName(fits[Math.floor(rnd() * fits.length)]);
  };
  const worker = () => (approval ? approverOf(groups[0]) : someDealerUser());
  const assignee = state === 'open' ? (rnd() < 0.08 ? worker() : null) : state === 'completed' ? worker() : null;
  const createdAt = new Date(now - Math.floor(rnd() * 60 * DAY));
  const dueDate = rnd() < 0.1 ? null : new Date(now + Math.floor((rnd() * 2 - 1) * 30 * DAY));
  const endedAt = state === 'open' ? null : new Date(createdAt.getTime() + Math.floor(rnd() * 5 * DAY));
  const caseRef = `${process.id === 'warranty-claim' ? 'WC' : process.id === 'tender-reservation' ? 'TR' : 'VA'}-2026-${pad(i, 7)}`;
  const vin = `XW8${pad(Math.floor(rnd() * 1e9), 9)}${pad(i % 100000, 5)}`;
  const priority = [25, 50, 50, 75][Math.floor(rnd() * 4)];
  return {
    values: [
      `bt${pad(i, 7)}`, `bp${pad(Math.floor(i / 2), 7)}`, process.id, process.element, process.name, state, assignee,
      JSON.stringify(groups), JSON.stringify(users), dealerId(d), caseRef, `${caseRef} ${vin} customer ${i % 997}`.toLowerCase(),
      process.form ?? 'approval-decision', datetime(dueDate), datetime(dueDate ?? NO_DUE_DATE), null, priority, datetime(createdAt),
      datetime(endedAt), state === 'completed' ? assignee : null, 1, JSON.stringify({ vin, claimAmount: 20_000 + (i % 400) * 250 }),
    ],
    principals: [...groups.map((g) => `group:${g}`), ...users.map((u) => `user:${u}`)],
  };
}

const taskColumns = ['key', 'processInstanceKey', 'bpmnProcessId', 'elementId', 'name', 'state', 'assignee', 'candidateGroups', 'candidateUsers', 'dealerId', 'caseRef', 'searchText',
  'formId', 'dueDate', 'dueSort', 'followUpDate', 'priority', 'createdAt', 'endedAt', 'completedBy', 'revision', 'caseSummary'].map((c) => `\`${c}\``).join(',');

/** Drops and recreates `database`, migrates it and loads the bench network; returns the open DataSource. */
export async function seed(serverUrl: string, database: string, log: (line: string) => void): Promise<DataSource> {
  const started = performance.now();
  const lap = (what: string) => log(`  ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  await recreateDatabase(serverUrl, database);
  const ds = await openDatabase(`${serverUrl}/${database}`);
  await ensureRoles(ds, new AuditTrail(ds));
  lap('database created, migrated, roles seeded');
  const now = Date.now();

  await ds.query(`INSERT INTO dealer (id, name, region, territoryCodes, rating, creditLimit) VALUES ${Array.from({ length: SIZE.dealers }, (_, d) =>
    row([dealerId(d), `Bench dealer ${d + 1}`, `region-${d % 12}`, JSON.stringify([`R${d % 12}`]), 3.5, 50_000_000])).join(',')}`);
  const hash = await hashPassword(BENCH_PASSWORD);
  const created = datetime(new Date(now));
  const users: string[] = [];
  for (let d = 0; d < SIZE.dealers; d++) {
    for (let n = 0; n < dealerUsersOf(d); n++) {
      users.push(row([randomUUID(), dealerUser(d, n), `Dealer ${d + 1} user ${n}`, hash, dealerId(d), JSON.stringify([isManager(n) ? 'dealer-manager' : 'dealer-staff']), '[]', 'ru', created]));
    }
  }
  for (let k = 0; k < SIZE.approvers; k++) {
    users.push(row([randomUUID(), approverName(k), `Approver ${k}`, hash, null, JSON.stringify(['distributor-approver']), JSON.stringify(approverGroups(k)), 'ru', created]));
  }
  const userColumns = '(id, username, displayName, passwordHash, dealerId, roles, `groups`, locale, createdAt)';
  await pool(Array.from({ length: Math.ceil(users.length / BATCH) }, (_, b) => () => ds.query(`INSERT INTO app_user ${userColumns} VALUES ${users.slice(b * BATCH, (b + 1) * BATCH).join(',')}`)), PARALLEL);
  lap(`${SIZE.dealers} dealers and ${users.length} users inserted`);

  const restore = await deferIndexes(ds, ['task', 'task_candidate']);
  const jobs: (() => Promise<unknown>)[] = [];
  for (let start = 0; start < SIZE.tasks; start += BATCH) {
    jobs.push(async () => {
      const tasks: string[] = [];
      const candidates: string[] = [];
      // Each batch has its own PRNG stream, so the data does not depend on the order batches run in.
      const batchRnd = random(1_000_003 + start);
      for (let i = start; i < Math.min(start + BATCH, SIZE.tasks); i++) {
        const t = task(i, batchRnd, now);
        tasks.push(row(t.values));
        // A candidate copies its task's state, dealer and due order (as TaskProjection writes them).
        for (const p of t.principals) candidates.push(row([t.values[0], p, t.values[5], t.values[9], t.values[14]]));
      }
      await ds.query(`INSERT INTO task (${taskColumns}) VALUES ${tasks.join(',')}`);
      await ds.query(`INSERT INTO task_candidate (taskKey, principal, state, dealerId, dueSort) VALUES ${candidates.join(',')}`);
    });
  }
  await pool(jobs, PARALLEL);
  lap(`${SIZE.tasks} tasks and their candidates inserted (secondary indexes deferred)`);
  for (const statement of restore) await ds.query(statement);
  await ds.query('ANALYZE TABLE task, task_candidate');
  lap('secondary indexes built, tables analyzed');
  return ds;
}
