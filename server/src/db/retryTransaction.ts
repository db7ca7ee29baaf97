import { isUniqueViolation } from './uniqueViolation';

/** MariaDB picks a victim when two transactions lock the same rows in another order, SQLite answers busy: the loser may simply run again. */
const LOCK_CONFLICTS = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);

function isLockConflict(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  return code !== undefined && LOCK_CONFLICTS.has(code);
}

async function retry<T>(work: () => Promise<T>, attempts: number, retryable: (error: unknown) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.floor(Math.random() * 20)));
    }
  }
}

/** Runs a transaction again (up to `attempts` times) when the database aborted it for a lock conflict. */
export function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  return retry(work, attempts, isLockConflict);
}

/**
 * Runs a transaction again on lock conflicts and when a racing one inserted the same unique key
 * first: the rerun reads what the winner committed and answers accordingly.
 */
export function retryOnDuplicate<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  return retry(work, attempts, (error) => isLockConflict(error) || isUniqueViolation(error));
}
