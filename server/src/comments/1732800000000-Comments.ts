import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Comments on cases. */
export class Comments1732800000000 implements MigrationInterface {
  name = 'Comments1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'comment',
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'processInstanceKey', type: 'varchar', length: '64' },
        { name: 'author', type: 'varchar', length: '64' },
        { name: 'body', type: 'text' },
        { name: 'createdAt', type: 'datetime', precision: 3 },
      ],
      indices: [{ columnNames: ['processInstanceKey', 'createdAt'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('comment');
  }
}
