import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { isDatabaseFault } from './databaseFaults';
import { replaceSqliteConnection, sqliteLeftDirty } from './sqliteConnection';

type Work<T> = (manager: EntityManager) => Promise<T>;

/**
 * A DataSource whose transactions run one after another. SQLite has one connection, so
 * two concurrent BEGINs would interleave on it; queueing every `transaction()` here covers
 * every writer at once — our services and the embedded engine's store alike. A transaction
 * must not open another one inside it (it would wait for itself): pass its manager down.
 *
 * A transaction that fails in a way that leaves the connection inside a transaction, or with
 * an I/O error, gets the connection replaced before anything else runs on it: otherwise later
 * transactions would nest as savepoints in one that is never committed, and be lost.
 */
export class SerializedDataSource extends DataSource {
  private tail: Promise<unknown> = Promise.resolve();
  private suspect = false;

  override transaction<T>(work: Work<T>): Promise<T>;
  override transaction<T>(isolationLevel: IsolationLevel, work: Work<T>): Promise<T>;
  override transaction<T>(first: Work<T> | IsolationLevel, second?: Work<T>): Promise<T> {
    const run = this.tail.catch(() => undefined).then(() => this.runQueued(first, second));
    this.tail = run;
    return run;
  }

  private async runQueued<T>(first: Work<T> | IsolationLevel, second?: Work<T>): Promise<T> {
    // a transaction begun outside this queue (TypeORM's own, around a bare save) may have left one open too
    if (this.isInitialized && (this.suspect || sqliteLeftDirty(this))) this.suspect = !(await replaceSqliteConnection(this));
    try {
      return await (typeof first === 'function' ? super.transaction(first) : super.transaction(first, second!));
    } catch (error) {
      if (this.isInitialized && (sqliteLeftDirty(this) || isDatabaseFault(error))) {
        // Replace it now, so reads outside transactions stop seeing uncommitted writes, and again before
        // the next transaction: while the file is not writable SQLite quietly opens it read-only.
        this.suspect = true;
        await replaceSqliteConnection(this).catch(() => undefined);
      }
      throw error;
    }
  }
}
