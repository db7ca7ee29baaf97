import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';

interface RunnerLike {
  query(sql: string, ...rest: unknown[]): Promise<unknown>;
  /** Statements this runner must fail next, in order, once its trigger ran. */
  __pending?: RegExp[];
}

interface Faults {
  /** Fail these next, on whichever runner meets them. */
  armed: RegExp[];
  /** After a statement matching `trigger`, that runner fails `then`, in order. */
  after?: { trigger: RegExp; then: RegExp[] };
  error: Error;
}

type FaultyDriver = { createQueryRunner(mode?: unknown): RunnerLike; __faults?: Faults };

/** An error shaped like the driver's: a code, as SQLite or MariaDB would report it. */
export function driverError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * Patches the query of the driver's runner class once (runners made before, such as the engine
 * store's long-lived one, included), so statements can be made to fail without running.
 */
function faultsOf(dataSource: DataSource): Faults {
  const driver = dataSource.driver as unknown as FaultyDriver;
  if (driver.__faults) return driver.__faults;
  const faults: Faults = { armed: [], error: new Error('fault') };
  driver.__faults = faults;
  const prototype = Object.getPrototypeOf(driver.createQueryRunner('master')) as RunnerLike & { __patched?: boolean };
  if (prototype.__patched) return faults;
  prototype.__patched = true;
  const query = prototype.query;
  prototype.query = async function (this: RunnerLike & { driver: FaultyDriver }, sql: string, ...rest: unknown[]) {
    const own = this.driver.__faults;
    if (!own) return query.call(this, sql, ...rest);
    const queue = this.__pending?.length ? this.__pending : own.armed;
    if (queue[0]?.test(sql)) {
      queue.shift();
      throw own.error;
    }
    const result = await query.call(this, sql, ...rest);
    if (own.after?.trigger.test(sql)) {
      this.__pending = own.after.then;
      own.after = undefined;
    }
    return result;
  };
  return faults;
}

/**
 * Makes the next statements matching `patterns`, in order, fail with `error` without running: as a
 * COMMIT that hits a write error, after which the ROLLBACK fails too, the transaction stays open.
 * Wraps the driver's query runners; nothing in the application knows about it.
 */
export function failNextStatements(dataSource: DataSource, patterns: RegExp[], error: Error): void {
  Object.assign(faultsOf(dataSource), { armed: [...patterns], error });
}

/** Makes the next statement matching `pattern` fail with `error` without running it. */
export function failNextStatement(dataSource: DataSource, pattern: RegExp, error: Error): void {
  failNextStatements(dataSource, [pattern], error);
}

/** Once a statement matching `trigger` runs, its transaction's next statements matching `then` fail, in order. */
export function failAfter(dataSource: DataSource, trigger: RegExp, then: RegExp[], error: Error): void {
  Object.assign(faultsOf(dataSource), { after: { trigger, then: [...then] }, error });
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
