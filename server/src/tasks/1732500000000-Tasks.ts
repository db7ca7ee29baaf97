import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const nullable = { isNullable: true, default: null };

/** The inbox projection: tasks and their candidates, indexed for the inbox and approval queue. */
export class Tasks1732500000000 implements MigrationInterface {
  name = 'Tasks1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'task',
      columns: [
        { name: 'key', type: 'varchar', length: '64', isPrimary: true },
        { name: 'processInstanceKey', type: 'varchar', length: '64' },
        { name: 'bpmnProcessId', type: 'varchar', length: '128' },
        { name: 'elementId', type: 'varchar', length: '128' },
        { name: 'name', type: 'varchar', length: '255' },
        { name: 'state', type: 'varchar', length: '16' },
        { name: 'assignee', type: 'varchar', length: '64', ...nullable },
        { name: 'candidateGroups', type: 'text' },
        { name: 'candidateUsers', type: 'text' },
        { name: 'dealerId', type: 'varchar', length: '32', ...nullable },
        { name: 'caseRef', type: 'varchar', length: '64', ...nullable },
        { name: 'searchText', type: 'varchar', length: '1000', default: "''" },
        { name: 'formId', type: 'varchar', length: '128', ...nullable },
        { name: 'dueDate', type: 'datetime', precision: 3, ...nullable },
        { name: 'dueSort', type: 'datetime', precision: 3 },
        { name: 'followUpDate', type: 'datetime', precision: 3, ...nullable },
        { name: 'priority', type: 'integer', default: 50 },
        { name: 'createdAt', type: 'datetime', precision: 3 },
        { name: 'endedAt', type: 'datetime', precision: 3, ...nullable },
        { name: 'completedBy', type: 'varchar', length: '64', ...nullable },
        { name: 'revision', type: 'integer', default: 1 },
      ],
      indices: [
        { name: 'IDX_task_dealer_inbox', columnNames: ['dealerId', 'state', 'dueSort'] },
        { name: 'IDX_task_state_due', columnNames: ['state', 'dueSort'] },
        { name: 'IDX_task_state_priority', columnNames: ['state', 'priority'] },
        { name: 'IDX_task_state_created', columnNames: ['state', 'createdAt'] },
        { name: 'IDX_task_assignee', columnNames: ['assignee', 'state'] },
        { name: 'IDX_task_instance', columnNames: ['processInstanceKey'] },
      ],
    }));
    await q.createTable(new Table({
      name: 'task_candidate',
      columns: [
        { name: 'taskKey', type: 'varchar', length: '64', isPrimary: true },
        { name: 'principal', type: 'varchar', length: '100', isPrimary: true },
      ],
      indices: [{ name: 'IDX_task_candidate_principal', columnNames: ['principal', 'taskKey'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('task_candidate');
    await q.dropTable('task');
  }
}
