import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Drafts of task forms: one per task, with who saved it and when. */
export class TaskDrafts1733000000000 implements MigrationInterface {
  name = 'TaskDrafts1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'task_draft',
      columns: [
        { name: 'taskKey', type: 'varchar', length: '64', isPrimary: true },
        { name: 'variables', type: 'text' },
        { name: 'savedBy', type: 'varchar', length: '64' },
        { name: 'savedAt', type: 'datetime', precision: 3 },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('task_draft');
  }
}
