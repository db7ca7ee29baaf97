import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Tasks keep the case variables their list rows show, copied when the task is created. */
export class TaskSummaries1733600000000 implements MigrationInterface {
  name = 'TaskSummaries1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('task', new TableColumn({ name: 'caseSummary', type: 'text', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('task', 'caseSummary');
  }
}
