import { RateLimiterMemory, RateLimiterMySQL, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';

/** A budget: `points` takes per key within `duration` seconds; keys are prefixed so budgets share a table. */
export interface Budget {
  keyPrefix: string;
  points: number;
  duration: number;
}

/**
 * A rate limiter whose budgets all servers on one database share. On MySQL/MariaDB, where several
 * servers may run behind a balancer, the counters live in the `rate_limit` table (one short
 * transaction a take); if the database cannot be reached, a limiter in this process's memory
 * answers instead, so an outage never locks everyone out. On the embedded SQLite database, which
 * one server owns, the counters are in memory.
 */
export function sharedRateLimiter(dataSource: DataSource, budget: Budget): RateLimiterAbstract {
  const inMemory = new RateLimiterMemory(budget);
  if (dataSource.options.type !== 'mysql' && dataSource.options.type !== 'mariadb') return inMemory;
  const driver = dataSource.driver as MysqlDriver;
  return new RateLimiterMySQL({
    ...budget,
    storeClient: driver.pool,
    storeType: 'pool',
    dbName: driver.database,
    tableName: 'rate_limit',
    tableCreated: true,
    insuranceLimiter: inMemory,
  });
}
