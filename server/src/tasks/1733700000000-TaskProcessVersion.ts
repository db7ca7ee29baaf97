import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Tasks know the process version their instance runs, so they show the form that version linked. */
export class TaskProcessVersion1733700000000 implements MigrationInterface {
  name = 'TaskProcessVersion1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('task', new TableColumn({ name: 'processVersion', type: 'integer', isNullable: true, default: null }));
    // Open tasks of instances the instance list knows get their version now; the rest resolve it from the engine.
    await q.query('UPDATE task SET processVersion = (SELECT p.version FROM process_instance p WHERE p.`key` = task.processInstanceKey) WHERE processVersion IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('task', 'processVersion');
  }
}
