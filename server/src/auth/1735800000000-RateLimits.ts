import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The counters of the sign-in throttle and the API tokens' request budgets, shared by every server
 * on one MySQL/MariaDB database (see sharedRateLimiter; the embedded SQLite server counts in memory).
 * The columns are the ones rate-limiter-flexible's MySQL store reads and writes.
 */
export class RateLimits1735800000000 implements MigrationInterface {
  name = 'RateLimits1735800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'rate_limit',
      columns: [
        { name: 'key', type: 'varchar', length: '255', isPrimary: true },
        { name: 'points', type: 'integer', default: 0 },
        { name: 'expire', type: 'bigint', isNullable: true },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('rate_limit');
  }
}
