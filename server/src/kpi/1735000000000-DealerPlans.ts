import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The dealer_plan table: one target per dealer, month and KPI measure. */
export class DealerPlans1735000000000 implements MigrationInterface {
  name = 'DealerPlans1735000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'dealer_plan',
      columns: [
        { name: 'dealerId', type: 'varchar', length: '32', isPrimary: true },
        { name: 'month', type: 'varchar', length: '7', isPrimary: true },
        { name: 'measure', type: 'varchar', length: '32', isPrimary: true },
        { name: 'target', type: 'decimal', precision: 14, scale: 4 },
        { name: 'updatedBy', type: 'varchar', length: '64' },
        { name: 'updatedAt', type: 'datetime', precision: 3 },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('dealer_plan');
  }
}
