import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';

interface RunnerLike {
  query(sql: string, ...rest: unknown[]): Promise<unknown>;
  __faulty?: boolean;
}

/** An error shaped like the driver's: a code, as SQLite or MariaDB would report it. */
export function driverError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * Makes the next statement matching `pattern` on `dataSource` fail with `error` without running it,
 * as a COMMIT that hits a write error does: the transaction stays open on the connection.
 * Wraps the driver's query runners; nothing in the application knows about it.
 */
export function failNextStatement(dataSource: DataSource, pattern: RegExp, error: Error): void {
  const driver = dataSource.driver as unknown as { createQueryRunner(mode?: unknown): RunnerLike; __armed?: { pattern: RegExp; error: Error } };
  driver.__armed = { pattern, error };
  const original = driver.createQueryRunner.bind(driver);
  if ((original as { __wrapped?: boolean }).__wrapped) return;
  const wrapped = (mode?: unknown) => {
    const runner = original(mode);
    if (runner.__faulty) return runner;
    const query = runner.query.bind(runner);
    runner.query = async (sql: string, ...rest: unknown[]) => {
      const armed = driver.__armed;
      if (armed && armed.pattern.test(sql)) {
        driver.__armed = undefined;
        throw armed.error;
      }
      return query(sql, ...rest);
    };
    runner.__faulty = true;
    return runner;
  };
  driver.createQueryRunner = Object.assign(wrapped, { __wrapped: true });
}

/** Reads `sql` through a connection of its own (not the server's), so it sees only what is committed. */
export async function readElsewhere<T>(databaseUrl: string, sql: string): Promise<T[]> {
  if (databaseUrl.startsWith('sqlite:')) {
    const other = await new DataSource({ type: 'better-sqlite3', database: databaseUrl.slice('sqlite:'.length), readonly: true }).initialize();
    try {
      return (await other.query(sql)) as T[];
    } finally {
      await other.destroy();
    }
  }
  const connection = await createConnection(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  try {
    const [rows] = await connection.query(sql);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

/** Kills every connection that uses `databaseUrl`'s database (and only those), from a connection of its own. */
export async function killConnections(databaseUrl: string): Promise<number> {
  const name = new URL(databaseUrl.replace(/^mariadb:/, 'mysql:')).pathname.slice(1);
  const admin = await createConnection(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  try {
    const [own] = await admin.query('SELECT CONNECTION_ID() AS id');
    const [rows] = await admin.query('SELECT id FROM information_schema.processlist WHERE db = ? AND id <> ?', [name, (own as Array<{ id: number }>)[0].id]);
    for (const { id } of rows as Array<{ id: number }>) await admin.query(`KILL CONNECTION ${Number(id)}`).catch(() => undefined);
    return (rows as unknown[]).length;
  } finally {
    await admin.end();
  }
}
