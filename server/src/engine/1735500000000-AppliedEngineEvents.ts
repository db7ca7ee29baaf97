import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The engine events each consumer applied, so that an event delivered twice has one effect. */
export class AppliedEngineEvents1735500000000 implements MigrationInterface {
  name = 'AppliedEngineEvents1735500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'applied_engine_event',
      columns: [
        { name: 'consumer', type: 'varchar', length: '32', isPrimary: true },
        { name: 'eventKey', type: 'varchar', length: '191', isPrimary: true },
        { name: 'appliedAt', type: 'datetime', precision: 3 },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('applied_engine_event');
  }
}
