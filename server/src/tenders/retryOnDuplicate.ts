import { retryOnDeadlock } from '../allocation/retryOnDeadlock';

function duplicate(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}

/**
 * Runs a registry transaction again when a racing one inserted the same unique key first (and
 * on lock conflicts): the rerun reads what the winner committed and answers accordingly.
 */
export async function retryOnDuplicate<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await retryOnDeadlock(work);
    } catch (error) {
      if (attempt >= attempts || !duplicate(error)) throw error;
    }
  }
}
