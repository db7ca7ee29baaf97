import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Tables whose rows change without a request's doing: sessions are counted, not hashed. */
const countedOnly = new Set(['session']);

/** A digest per table: equal digests mean nothing was written to it. */
export async function tableDigests(dataSource: DataSource, ignored: ReadonlySet<string> = new Set()): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  const tables = [...new Set(dataSource.entityMetadatas.map((meta) => meta.tableName))].sort();
  for (const table of tables.filter((name) => !ignored.has(name))) {
    const quoted = dataSource.driver.escape(table);
    const content = countedOnly.has(table)
      ? String((await dataSource.query(`SELECT COUNT(*) AS n FROM ${quoted}`))[0].n)
      : (await dataSource.query(`SELECT * FROM ${quoted}`) as unknown[]).map((row) => JSON.stringify(row)).sort().join('\n');
    digests.set(table, createHash('sha256').update(content).digest('hex'));
  }
  return digests;
}

/** The tables whose digests differ between two snapshots. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((table) => before.get(table) !== after.get(table));
}

/** Waits until every table holds still (the engine may still be finishing an earlier request's work) and returns the digests. */
export async function settledDigests(dataSource: DataSource, ignored?: ReadonlySet<string>, quietMs = 60, attempts = 50): Promise<Map<string, string>> {
  let last = await tableDigests(dataSource, ignored);
  for (let i = 0; i < attempts; i++) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const next = await tableDigests(dataSource, ignored);
    if (changedTables(last, next).length === 0) return next;
    last = next;
  }
  throw new Error('the database did not settle');
}
