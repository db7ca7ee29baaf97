import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The approval queue sorts by dealer name (issue 16): tasks copy their dealer's display name
 * (empty for distributor-only work). Existing rows take it from the dealer table; the index
 * walks the open tasks in name order, ties by key, so keyset pages stay stable.
 */
export class TaskDealerName1735200000000 implements MigrationInterface {
  name = 'TaskDealerName1735200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('task', new TableColumn({ name: 'dealerName', type: 'varchar', length: '200', default: "''" }));
    await q.query("UPDATE task SET dealerName = COALESCE((SELECT d.name FROM dealer d WHERE d.id = task.dealerId), '') WHERE dealerId IS NOT NULL");
    await q.createIndex('task', new TableIndex({ name: 'IDX_task_state_dealer_name', columnNames: ['state', 'dealerName', 'key'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('task', 'IDX_task_state_dealer_name');
    await q.dropColumn('task', 'dealerName');
  }
}
