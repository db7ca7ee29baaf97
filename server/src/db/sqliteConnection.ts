import type { DataSource } from 'typeorm';

interface SqliteHandle {
  open: boolean;
  inTransaction: boolean;
  close(): void;
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
 * Closes the better-sqlite3 connection (rolling back whatever it still had open) and opens a
 * fresh one; the query runner, and with it its prepared statements, goes with the old one.
 */
export async function replaceSqliteConnection(dataSource: DataSource): Promise<void> {
  const driver = internals(dataSource);
  try {
    driver.databaseConnection?.close();
  } catch {
    // a connection that cannot even close is being replaced anyway
  }
  driver.queryRunner = undefined;
  driver.databaseConnection = await driver.createDatabaseConnection();
}
