import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Vehicles in stock, their reservations for dealer cases, and the orders they become. */
export class Stock1734100000000 implements MigrationInterface {
  name = 'Stock1734100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'stock_vehicle',
      columns: [
        { name: 'vin', type: 'varchar', length: '17', isPrimary: true },
        { name: 'model', type: 'varchar', length: '64' },
        { name: 'trim', type: 'varchar', length: '64' },
        { name: 'colour', type: 'varchar', length: '64' },
        { name: 'year', type: 'integer' },
        { name: 'warehouse', type: 'varchar', length: '64' },
        { name: 'price', type: 'decimal', precision: 14, scale: 2 },
        { name: 'status', type: 'varchar', length: '16', default: "'free'" },
        { name: 'dealerId', type: 'varchar', length: '32', isNullable: true, default: null },
        { name: 'caseRef', type: 'varchar', length: '64', isNullable: true, default: null },
      ],
      indices: [{ columnNames: ['status', 'model'] }, { columnNames: ['dealerId'] }],
    }));
    await q.createTable(new Table({
      name: 'reservation',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'jobKey', type: 'varchar', length: '64' },
        { name: 'vin', type: 'varchar', length: '17' },
        { name: 'dealerId', type: 'varchar', length: '32' },
        { name: 'caseRef', type: 'varchar', length: '64' },
        { name: 'processInstanceKey', type: 'varchar', length: '64' },
        { name: 'amount', type: 'decimal', precision: 14, scale: 2 },
        { name: 'state', type: 'varchar', length: '16' },
        { name: 'createdAt', type: 'datetime', precision: 3 },
        { name: 'expiresAt', type: 'datetime', precision: 3 },
      ],
      indices: [{ columnNames: ['jobKey', 'vin'], isUnique: true }, { columnNames: ['dealerId', 'state'] }, { columnNames: ['caseRef'] }],
    }));
    await q.createTable(new Table({
      name: 'vehicle_order',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'number', type: 'varchar', length: '32' },
        { name: 'dealerId', type: 'varchar', length: '32' },
        { name: 'caseRef', type: 'varchar', length: '64' },
        { name: 'vins', type: 'text' },
        { name: 'amount', type: 'decimal', precision: 14, scale: 2 },
        { name: 'status', type: 'varchar', length: '16' },
        { name: 'createdAt', type: 'datetime', precision: 3 },
        { name: 'deliveredAt', type: 'datetime', precision: 3, isNullable: true, default: null },
      ],
      indices: [{ columnNames: ['number'], isUnique: true }, { columnNames: ['caseRef'], isUnique: true }, { columnNames: ['dealerId'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['vehicle_order', 'reservation', 'stock_vehicle']) await q.dropTable(table);
  }
}
