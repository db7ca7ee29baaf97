import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const copies = [
  { name: 'state', type: 'varchar', length: '16' },
  { name: 'dueSort', type: 'datetime', precision: 3 },
];

/**
 * Inbox pages driven from task_candidate (issue 5): each candidate row copies its task's
 * state, dealer and due order, indexed per principal in due order; the assignee index gains
 * the dealer and the due order too. Existing rows are filled from their tasks.
 */
export class InboxIndexes1733200000000 implements MigrationInterface {
  name = 'InboxIndexes1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex('task_candidate', 'IDX_task_candidate_principal');
    // Added nullable, filled, then made NOT NULL: SQLite copies the rows when it changes a table.
    await q.addColumns('task_candidate', [
      ...copies.map((column) => new TableColumn({ ...column, isNullable: true })),
      new TableColumn({ name: 'dealerId', type: 'varchar', length: '32', isNullable: true, default: null }),
    ]);
    await q.query('DELETE FROM task_candidate WHERE NOT EXISTS (SELECT 1 FROM task t WHERE t.`key` = task_candidate.taskKey)');
    const copy = (column: string) => `${column} = (SELECT t.${column} FROM task t WHERE t.\`key\` = task_candidate.taskKey)`;
    await q.query(`UPDATE task_candidate SET ${['state', 'dealerId', 'dueSort'].map(copy).join(', ')}`);
    await q.changeColumns('task_candidate', copies.map((column) => ({ oldColumn: new TableColumn({ ...column, isNullable: true }), newColumn: new TableColumn(column) })));
    await q.createIndices('task_candidate', [
      new TableIndex({ name: 'IDX_task_candidate_queue', columnNames: ['principal', 'state', 'dueSort', 'taskKey'] }),
      new TableIndex({ name: 'IDX_task_candidate_dealer', columnNames: ['principal', 'dealerId', 'state', 'dueSort', 'taskKey'] }),
    ]);
    await q.dropIndex('task', 'IDX_task_assignee');
    await q.createIndex('task', new TableIndex({ name: 'IDX_task_assignee', columnNames: ['assignee', 'state', 'dealerId', 'dueSort'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('task', 'IDX_task_assignee');
    await q.createIndex('task', new TableIndex({ name: 'IDX_task_assignee', columnNames: ['assignee', 'state'] }));
    await q.dropIndex('task_candidate', 'IDX_task_candidate_dealer');
    await q.dropIndex('task_candidate', 'IDX_task_candidate_queue');
    await q.dropColumns('task_candidate', ['state', 'dealerId', 'dueSort']);
    await q.createIndex('task_candidate', new TableIndex({ name: 'IDX_task_candidate_principal', columnNames: ['principal', 'taskKey'] }));
  }
}
