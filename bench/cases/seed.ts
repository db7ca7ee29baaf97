import type { DataSource } from 'typeorm';
import { caseSearchFields } from '@dealerflow/server/dist/instances/caseSearchFields';
import { random } from '../inbox/stats';

/** How much the Cases bench loads. */
export const SIZE = { cases: 1_000_000, dealers: 200 };

const processes = ['warranty-claim', 'warranty-claim', 'warranty-claim', 'tender-reservation', 'vehicle-allocation', 'lead-distribution'];
const prefixes: Record<string, string> = { 'warranty-claim': 'WC', 'tender-reservation': 'TR', 'vehicle-allocation': 'VA', 'lead-distribution': 'LD' };
const surnames = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев'];
const names = ['Александр', 'Сергей', 'Дмитрий', 'Андрей', 'Алексей', 'Максим', 'Евгений', 'Иван', 'Михаил', 'Артём', 'Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана'];
const vinAlphabet = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const refAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const columns = ['key', 'bpmnProcessId', 'version', 'state', 'dealerId', 'caseRef', 'vin', 'customerName', 'customerKey', 'startedAt', 'endedAt', 'openIncidents'];
const BATCH = 500;

/** One case of the bench's network: three years of cases, the older ones finished. */
export function benchCase(i: number, next: () => number): unknown[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const process = pick(processes);
  const startedAt = new Date(Date.UTC(2024, 0, 1) + Math.floor((i / SIZE.cases) * 3 * 365 * 86_400_000));
  const state = i > SIZE.cases * 0.97 ? 'active' : next() < 0.05 ? 'terminated' : 'completed';
  const vin = Array.from({ length: 17 }, () => pick([...vinAlphabet])).join('');
  const customer = process === 'vehicle-allocation' ? null : `${pick(surnames)}${next() < 0.4 ? 'а' : ''} ${pick(names)}`;
  const fields = caseSearchFields({ vin: process === 'warranty-claim' ? vin : undefined, customerName: customer ?? undefined });
  const caseRef = `${prefixes[process]}-${startedAt.getUTCFullYear()}-${Array.from({ length: 6 }, () => pick([...refAlphabet])).join('')}`;
  const sql = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');
  return [String(2_251_799_813_685_248 + i), process, 1, state, `dealer${1 + Math.floor(next() * SIZE.dealers)}`, caseRef, fields.vin, fields.customerName, fields.customerKey, sql(startedAt), state === 'active' ? null : sql(new Date(startedAt.getTime() + 5 * 86_400_000)), 0];
}

/** The secondary indexes of process_instance as the migrations made them, to drop during the load and build once after it. */
async function secondaryIndexes(dataSource: DataSource): Promise<{ name: string; sql: string }[]> {
  if (dataSource.options.type === 'better-sqlite3') {
    return (await dataSource.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'process_instance' AND sql IS NOT NULL")) as { name: string; sql: string }[];
  }
  const rows = (await dataSource.query("SELECT INDEX_NAME AS name, GROUP_CONCAT(CONCAT('`', COLUMN_NAME, '`') ORDER BY SEQ_IN_INDEX) AS columns FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'process_instance' AND INDEX_NAME <> 'PRIMARY' GROUP BY INDEX_NAME")) as { name: string; columns: string }[];
  return rows.map((row) => ({ name: row.name, sql: `CREATE INDEX \`${row.name}\` ON process_instance (${row.columns})` }));
}

/** Fills process_instance with SIZE.cases cases (deterministic), in multi-row INSERTs, replacing what was there. */
export async function seedCases(dataSource: DataSource, out: (line: string) => void): Promise<void> {
  const next = random(16);
  const indexes = await secondaryIndexes(dataSource);
  await dataSource.query('DELETE FROM process_instance');
  for (const index of indexes) await dataSource.query(dataSource.options.type === 'better-sqlite3' ? `DROP INDEX "${index.name}"` : `DROP INDEX \`${index.name}\` ON process_instance`);
  const row = `(${columns.map(() => '?').join(', ')})`;
  const insert = `INSERT INTO process_instance (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES `;
  for (let start = 0; start < SIZE.cases; start += BATCH * 20) {
    await dataSource.transaction(async (manager) => {
      for (let batch = start; batch < Math.min(SIZE.cases, start + BATCH * 20); batch += BATCH) {
        const values = Array.from({ length: BATCH }, (_, j) => benchCase(batch + j, next)).flat();
        await manager.query(insert + Array(BATCH).fill(row).join(', '), values);
      }
    });
    if ((start / (BATCH * 20)) % 10 === 0) out(`  ${start + BATCH * 20} cases`);
  }
  out(`  building ${indexes.length} indexes`);
  for (const index of indexes) await dataSource.query(index.sql);
}
