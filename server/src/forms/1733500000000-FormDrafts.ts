import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Forms saved from the form builder ahead of a deployment. */
export class FormDrafts1733500000000 implements MigrationInterface {
  name = 'FormDrafts1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'form_draft',
      columns: [
        { name: 'id', type: 'varchar', length: '128', isPrimary: true },
        { name: 'json', type: 'text' },
        { name: 'savedAt', type: 'datetime', precision: 3 },
        { name: 'savedBy', type: 'varchar', length: '64' },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('form_draft');
  }
}
