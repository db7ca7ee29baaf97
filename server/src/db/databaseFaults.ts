/** Driver error codes that say the database, or our connection to it, failed — not the statement. */
const SQLITE_FAULT = /^SQLITE_(IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|FULL)/;
const MYSQL_FAULTS = new Set([
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH',
  'ER_CONNECTION_KILLED', 'ER_SERVER_SHUTDOWN', 'ER_CON_COUNT_ERROR', 'ER_OPTION_PREVENTS_STATEMENT', 'ER_READ_ONLY_MODE', 'ER_QUERY_INTERRUPTED',
]);
const FAULT_MESSAGES = /connection is in closed state|Pool is closed|database connection is not open|Connection lost/i;

interface DriverErrorLike {
  code?: unknown;
  fatal?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/** True when an error (or the driver error it wraps) means the database is unavailable or failed to write. */
export function isDatabaseFault(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const e = current as DriverErrorLike;
    if (typeof e.code === 'string' && (SQLITE_FAULT.test(e.code) || MYSQL_FAULTS.has(e.code))) return true;
    if (e.fatal === true) return true;
    if (typeof e.message === 'string' && FAULT_MESSAGES.test(e.message)) return true;
    current = e.driverError ?? e.cause;
  }
  return false;
}
