import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

type Work<T> = (manager: EntityManager) => Promise<T>;

/**
 * A DataSource whose transactions run one after another. SQLite has one connection, so
 * two concurrent BEGINs would interleave on it; queueing every `transaction()` here covers
 * every writer at once — our services and the embedded engine's store alike. A transaction
 * must not open another one inside it (it would wait for itself): pass its manager down.
 */
export class SerializedDataSource extends DataSource {
  private tail: Promise<unknown> = Promise.resolve();

  override transaction<T>(work: Work<T>): Promise<T>;
  override transaction<T>(isolationLevel: IsolationLevel, work: Work<T>): Promise<T>;
  override transaction<T>(first: Work<T> | IsolationLevel, second?: Work<T>): Promise<T> {
    const run = this.tail.catch(() => undefined).then(() =>
      (typeof first === 'function' ? super.transaction(first) : super.transaction(first, second!)));
    this.tail = run;
    return run;
  }
}
