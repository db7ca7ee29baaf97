import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { isDatabaseFault } from './databaseFaults';
import { destroyRunnerConnection, guardPool } from './poolGuard';

type Work<T> = (manager: EntityManager) => Promise<T>;

/**
 * A DataSource on a MySQL/MariaDB pool whose transactions never return a connection in doubt:
 * when COMMIT or ROLLBACK fails, or the connection itself failed, the connection is destroyed
 * instead of pooled. A pooled connection still inside a transaction would commit a refused write
 * at its next START TRANSACTION; a dead one would fail every request it is handed to.
 */
export class PooledDataSource extends DataSource {
  override async initialize(): Promise<this> {
    await super.initialize();
    guardPool(this);
    return this;
  }

  override transaction<T>(work: Work<T>): Promise<T>;
  override transaction<T>(isolationLevel: IsolationLevel, work: Work<T>): Promise<T>;
  override async transaction<T>(first: Work<T> | IsolationLevel, second?: Work<T>): Promise<T> {
    const [isolation, work] = typeof first === 'function' ? [undefined, first] : [first, second!];
    const runner = this.createQueryRunner();
    try {
      await runner.startTransaction(isolation);
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      if (runner.isTransactionActive || isDatabaseFault(error)) destroyRunnerConnection(runner);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
