import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Notifications and credit notes written by plugins, each once per job. */
export class Outbox1732600000000 implements MigrationInterface {
  name = 'Outbox1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'notification',
      columns: [
        { name: 'jobKey', type: 'varchar', length: '64', isPrimary: true },
        { name: 'processInstanceKey', type: 'varchar', length: '64' },
        { name: 'template', type: 'varchar', length: '64' },
        { name: 'dealerId', type: 'varchar', length: '32', isNullable: true, default: null },
        { name: 'recipientGroup', type: 'varchar', length: '64', isNullable: true, default: null },
        { name: 'data', type: 'text' },
        { name: 'createdAt', type: 'datetime', precision: 3 },
      ],
      indices: [{ columnNames: ['dealerId', 'createdAt'] }],
    }));
    await q.createTable(new Table({
      name: 'credit_note',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'jobKey', type: 'varchar', length: '64' },
        { name: 'dealerId', type: 'varchar', length: '32' },
        { name: 'reference', type: 'varchar', length: '64' },
        { name: 'amount', type: 'decimal', precision: 14, scale: 2 },
        { name: 'issuedAt', type: 'datetime', precision: 3 },
      ],
      indices: [{ columnNames: ['jobKey'], isUnique: true }, { columnNames: ['dealerId'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('credit_note');
    await q.dropTable('notification');
  }
}
