import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Who sent each task command in flight, for the server whose worker works its listener job (see TaskCommandActors). */
export class TaskCommands1735910000001 implements MigrationInterface {
  name = 'TaskCommands1735910000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'task_command',
      columns: [
        { name: 'taskKey', type: 'varchar', length: '64', isPrimary: true },
        { name: 'token', type: 'varchar', length: '36' },
        { name: 'username', type: 'varchar', length: '128' },
        { name: 'sentAt', type: 'datetime', precision: 3 },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('task_command');
  }
}
