import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Tables whose rows change without a request's doing: sessions are counted, not hashed. */
const countedOnly = new Set(['session']);

/** A digest of every table's rows: equal digests mean nothing was written. */
export async function databaseFingerprint(dataSource: DataSource, ignored: ReadonlySet<string> = new Set()): Promise<string> {
  const hash = createHash('sha256');
  const tables = [...new Set(dataSource.entityMetadatas.map((meta) => meta.tableName))].sort();
  for (const table of tables.filter((name) => !ignored.has(name))) {
    const quoted = dataSource.driver.escape(table);
    if (countedOnly.has(table)) {
      const [{ n }] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${quoted}`);
      hash.update(`${table}:${n}\n`);
      continue;
    }
    const rows = (await dataSource.query(`SELECT * FROM ${quoted}`) as unknown[]).map((row) => JSON.stringify(row)).sort();
    hash.update(`${table}:${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** Waits until the fingerprint holds still (the engine may still be finishing an earlier request's work) and returns it. */
export async function settledFingerprint(dataSource: DataSource, ignored?: ReadonlySet<string>, quietMs = 60, attempts = 50): Promise<string> {
  let last = await databaseFingerprint(dataSource, ignored);
  for (let i = 0; i < attempts; i++) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const next = await databaseFingerprint(dataSource, ignored);
    if (next === last) return next;
    last = next;
  }
  throw new Error('the database did not settle');
}
