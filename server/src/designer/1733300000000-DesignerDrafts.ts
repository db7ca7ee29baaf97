import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Diagram drafts saved from the designer, and the deployed resource of each process version. */
export class DesignerDrafts1733300000000 implements MigrationInterface {
  name = 'DesignerDrafts1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'designer_draft',
      columns: [
        { name: 'processId', type: 'varchar', length: '128', isPrimary: true },
        { name: 'name', type: 'varchar', length: '255' },
        { name: 'xml', type: 'text' },
        { name: 'forms', type: 'text' },
        { name: 'revision', type: 'integer' },
        { name: 'savedBy', type: 'varchar', length: '64' },
        { name: 'savedAt', type: 'datetime', precision: 3 },
      ],
    }));
    await q.addColumns('process_definition', [
      new TableColumn({ name: 'resourceXml', type: 'text', isNullable: true }),
      new TableColumn({ name: 'checksum', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'forms', type: 'text', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumns('process_definition', ['forms', 'checksum', 'resourceXml']);
    await q.dropTable('designer_draft');
  }
}
