import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The access epoch the servers' session and ability caches follow, and users that can be disabled. */
export class AccessCache1735400000000 implements MigrationInterface {
  name = 'AccessCache1735400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'access_epoch',
      columns: [
        { name: 'id', type: 'varchar', length: '16', isPrimary: true },
        { name: 'version', type: 'integer' },
      ],
    }));
    await q.query("INSERT INTO access_epoch (id, version) VALUES ('access', 0)");
    await q.addColumn('app_user', new TableColumn({ name: 'disabledAt', type: 'datetime', precision: 3, isNullable: true, default: null }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('app_user', 'disabledAt');
    await q.dropTable('access_epoch');
  }
}
