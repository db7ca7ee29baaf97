import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** One row the health check rewrites, to learn whether the database still takes writes. */
export class HealthProbe1733900000000 implements MigrationInterface {
  name = 'HealthProbe1733900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'health_probe',
      columns: [
        { name: 'id', type: 'int', isPrimary: true },
        { name: 'checkedAt', type: 'varchar', length: '32' },
      ],
    }));
    await q.query("INSERT INTO health_probe (id, checkedAt) VALUES (1, '')");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('health_probe');
  }
}
