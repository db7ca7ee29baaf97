import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Files attached to cases (their bytes live in the attachment store). */
export class Attachments1732900000000 implements MigrationInterface {
  name = 'Attachments1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'attachment',
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'processInstanceKey', type: 'varchar', length: '64' },
        { name: 'fileName', type: 'varchar', length: '200' },
        { name: 'contentType', type: 'varchar', length: '100' },
        { name: 'size', type: 'integer' },
        { name: 'sha256', type: 'varchar', length: '64' },
        { name: 'uploadedBy', type: 'varchar', length: '64' },
        { name: 'createdAt', type: 'datetime', precision: 3 },
      ],
      indices: [{ columnNames: ['processInstanceKey', 'createdAt'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('attachment');
  }
}
