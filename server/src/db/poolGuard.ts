import type { DataSource } from 'typeorm';

/** The parts of a mysql2 pool connection that tell whether it is still usable. */
interface PooledConnection {
  _pool?: unknown;
  _fatalError?: unknown;
  _protocolError?: unknown;
  _closing?: boolean;
  stream?: { destroyed?: boolean };
  destroy(): void;
}

interface Pool {
  getConnection(callback: (error: Error | null, connection: PooledConnection) => void): void;
  releaseConnection(connection: PooledConnection): void;
  __guarded?: boolean;
}

/** True when the connection has failed, closed or lost its socket; mysql2 would still hand it out. */
const isDeadConnection = (connection: PooledConnection): boolean =>
  Boolean(connection._fatalError || connection._protocolError || connection._closing || connection.stream?.destroyed);

/**
 * Keeps dead connections out of a MySQL/MariaDB pool. mysql2 drops a connection from its pool only
 * when the connection emits an error while idle; one that dies during a query is released back and
 * handed out again, and every later command on it fails ("connection is in closed state") for good.
 */
export function guardPool(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { pool?: Pool }).pool;
  if (!pool || pool.__guarded) return;
  pool.__guarded = true;
  const release = pool.releaseConnection.bind(pool);
  pool.releaseConnection = (connection) => {
    if (connection._pool && isDeadConnection(connection)) connection.destroy(); // destroy() releases it out of the pool
    else release(connection);
  };
  const get = pool.getConnection.bind(pool);
  pool.getConnection = (callback) => {
    get((error, connection) => {
      if (error || !isDeadConnection(connection)) return callback(error, connection);
      connection.destroy();
      pool.getConnection(callback);
    });
  };
}

/** Closes a query runner's connection for good, so it never returns to the pool. */
export function destroyRunnerConnection(runner: unknown): void {
  const connection = (runner as { databaseConnection?: PooledConnection }).databaseConnection;
  try {
    connection?.destroy();
  } catch {
    // already gone
  }
}
