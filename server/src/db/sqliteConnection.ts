import type { DataSource } from 'typeorm';

interface SqliteHandle {
  open: boolean;
  inTransaction: boolean;
  close(): void;
  exec(sql: string): unknown;
  pragma(sql: string, options?: { simple: boolean }): unknown;
}

interface SqliteDriverInternals {
  databaseConnection?: SqliteHandle;
  queryRunner?: { isTransactionActive: boolean; transactionDepth: number };
  createDatabaseConnection(): Promise<SqliteHandle>;
}

const internals = (dataSource: DataSource) => dataSource.driver as unknown as SqliteDriverInternals;

/**
 * True when a failed transaction left the one better-sqlite3 connection unfit for the next:
 * closed, still inside a transaction (a failed COMMIT or ROLLBACK), or TypeORM's runner
 * still believing one is open, which would turn the next BEGIN into a savepoint that is never committed.
 */
export function sqliteLeftDirty(dataSource: DataSource): boolean {
  const driver = internals(dataSource);
  const db = driver.databaseConnection;
  return !db?.open || db.inTransaction || (driver.queryRunner?.isTransactionActive ?? false) || (driver.queryRunner?.transactionDepth ?? 0) !== 0;
}

/**
 * Replaces the better-sqlite3 connection with a fresh one; the query runner, and with it its
 * prepared statements, goes with the old one. What the old connection still had open is rolled
 * back at once, so reads outside transactions stop seeing it, and the old connection keeps serving
 * those reads until the fresh one is open: requests arriving meanwhile are answered, not refused.
 * When even the rollback fails (the disk is gone), the old connection is closed at once instead.
 * Resolves false when the fresh connection cannot write: SQLite quietly opens a file it may not
 * write read-only, so it serves reads until the next replacement.
 */
export async function replaceSqliteConnection(dataSource: DataSource): Promise<boolean> {
  const driver = internals(dataSource);
  const old = driver.databaseConnection;
  const clean = old !== undefined && rolledBack(old);
  if (!clean) closeQuietly(old);
  driver.queryRunner = undefined;
  const fresh = await driver.createDatabaseConnection();
  driver.databaseConnection = fresh;
  driver.queryRunner = undefined;
  if (clean) closeQuietly(old);
  return canWrite(fresh);
}

/** Ends whatever transaction the connection still has; false when it cannot (closed, or the rollback fails). */
function rolledBack(db: SqliteHandle): boolean {
  try {
    if (!db.open) return false;
    if (db.inTransaction) db.exec('ROLLBACK');
    return !db.inTransaction;
  } catch {
    return false;
  }
}

function closeQuietly(db: SqliteHandle | undefined): void {
  try {
    db?.close();
  } catch {
    // a connection that cannot even close is being replaced anyway
  }
}

/** Rewrites the header's user_version in a transaction it rolls back: SQLITE_READONLY on a read-only connection. */
function canWrite(db: SqliteHandle): boolean {
  try {
    const version = Number(db.pragma('user_version', { simple: true }));
    db.exec('BEGIN IMMEDIATE'); // in WAL mode this succeeds read-only too; the write below is what tells
    db.exec(`PRAGMA user_version = ${version}`);
    db.exec('ROLLBACK');
    return true;
  } catch {
    if (db.inTransaction) db.exec('ROLLBACK');
    return false;
  }
}
