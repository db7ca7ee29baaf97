import { textType } from '@dealerflow/engine';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Task change hints shared by the servers on one database, kept a few minutes (see sharedTaskChanges). */
export class TaskChanges1735910000000 implements MigrationInterface {
  name = 'TaskChanges1735910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'task_change',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'origin', type: 'varchar', length: '36' },
        { name: 'change', type: textType(q) },
        { name: 'createdAt', type: 'datetime', precision: 3 },
      ],
      indices: [{ columnNames: ['createdAt'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('task_change');
  }
}
