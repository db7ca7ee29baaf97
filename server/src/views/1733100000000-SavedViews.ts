import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Saved inbox views, one set per user. */
export class SavedViews1733100000000 implements MigrationInterface {
  name = 'SavedViews1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'saved_view',
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'userId', type: 'varchar', length: '36' },
        { name: 'name', type: 'varchar', length: '80' },
        { name: 'nameKey', type: 'varchar', length: '80' },
        { name: 'filters', type: 'text' },
        { name: 'createdAt', type: 'datetime', precision: 3 },
      ],
      indices: [{ columnNames: ['userId', 'nameKey'], isUnique: true }],
      foreignKeys: [{ columnNames: ['userId'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('saved_view');
  }
}
