import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** A dealer's open-debt ledger (invoices and payments) and the temporary overdrafts finance grants. */
export class DealerFinance1734100000001 implements MigrationInterface {
  name = 'DealerFinance1734100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'ledger_entry',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'dealerId', type: 'varchar', length: '32' },
        { name: 'kind', type: 'varchar', length: '16' },
        { name: 'reference', type: 'varchar', length: '64' },
        { name: 'amount', type: 'decimal', precision: 14, scale: 2 },
        { name: 'bookedAt', type: 'datetime', precision: 3 },
      ],
      indices: [{ columnNames: ['dealerId', 'bookedAt'] }, { columnNames: ['reference'], isUnique: true }],
    }));
    await q.createTable(new Table({
      name: 'overdraft',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'jobKey', type: 'varchar', length: '64' },
        { name: 'dealerId', type: 'varchar', length: '32' },
        { name: 'amount', type: 'decimal', precision: 14, scale: 2 },
        { name: 'expiresAt', type: 'datetime', precision: 3 },
        { name: 'grantedBy', type: 'varchar', length: '64' },
        { name: 'reason', type: 'varchar', length: '500' },
        { name: 'caseRef', type: 'varchar', length: '64' },
        { name: 'grantedAt', type: 'datetime', precision: 3 },
      ],
      indices: [{ columnNames: ['jobKey'], isUnique: true }, { columnNames: ['dealerId', 'expiresAt'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('overdraft');
    await q.dropTable('ledger_entry');
  }
}
