import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The catalog of deployed process versions and forms. */
export class Catalog1732700000000 implements MigrationInterface {
  name = 'Catalog1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'process_definition',
      columns: [
        { name: 'key', type: 'varchar', length: '64', isPrimary: true },
        { name: 'bpmnProcessId', type: 'varchar', length: '128' },
        { name: 'version', type: 'integer' },
        { name: 'name', type: 'varchar', length: '255' },
        { name: 'startFormId', type: 'varchar', length: '128', isNullable: true, default: null },
        { name: 'resourceName', type: 'varchar', length: '255' },
        { name: 'deployedAt', type: 'datetime', precision: 3 },
        { name: 'deployedBy', type: 'varchar', length: '64' },
      ],
      indices: [{ columnNames: ['bpmnProcessId', 'version'], isUnique: true }],
    }));
    await q.createTable(new Table({
      name: 'form_definition',
      columns: [
        { name: 'id', type: 'varchar', length: '128', isPrimary: true },
        { name: 'json', type: 'text' },
        { name: 'deployedAt', type: 'datetime', precision: 3 },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('form_definition');
    await q.dropTable('process_definition');
  }
}
