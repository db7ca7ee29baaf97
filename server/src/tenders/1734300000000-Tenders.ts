import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const datetime = (name: string, nullable = false) => ({ name, type: 'datetime', precision: 3, ...(nullable ? { isNullable: true, default: null } : {}) });

/** Tender applications, their holds and locks, reported outcomes, the product catalog, and uploads waiting for a start form. */
export class Tenders1734300000000 implements MigrationInterface {
  name = 'Tenders1734300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'tender',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'caseRef', type: 'varchar', length: '64' },
        { name: 'processInstanceKey', type: 'varchar', length: '64' },
        { name: 'dealerId', type: 'varchar', length: '32' },
        { name: 'tenderNumber', type: 'varchar', length: '64' },
        { name: 'tenderKey', type: 'varchar', length: '64' },
        { name: 'platform', type: 'varchar', length: '128' },
        { name: 'customerInn', type: 'varchar', length: '12' },
        { name: 'customerName', type: 'varchar', length: '300' },
        { name: 'tenderObject', type: 'varchar', length: '500' },
        { name: 'products', type: 'text' },
        { name: 'expectedDate', type: 'varchar', length: '10' },
        { name: 'state', type: 'varchar', length: '16' },
        datetime('appliedAt'),
        datetime('heldUntil', true),
        datetime('conflictUntil', true),
        { name: 'extensions', type: 'integer', default: 0 },
        { name: 'decidedBy', type: 'varchar', length: '64', isNullable: true, default: null },
        { name: 'reason', type: 'varchar', length: '2000', isNullable: true, default: null },
        { name: 'lastJobKey', type: 'varchar', length: '64', isNullable: true, default: null },
        { name: 'lastResult', type: 'text', isNullable: true, default: null },
      ],
      indices: [{ columnNames: ['caseRef'], isUnique: true }, { columnNames: ['dealerId', 'state'] }, { columnNames: ['customerInn', 'appliedAt'] }, { columnNames: ['tenderKey'] }],
    }));
    await q.createTable(new Table({
      name: 'tender_lock',
      columns: [
        { name: 'caseRef', type: 'varchar', length: '64', isPrimary: true },
        { name: 'tenderKey', type: 'varchar', length: '64' },
        { name: 'activeKey', type: 'varchar', length: '64', isNullable: true, default: null },
        { name: 'dealerId', type: 'varchar', length: '32' },
        { name: 'state', type: 'varchar', length: '16' },
        datetime('until'),
        datetime('createdAt'),
        datetime('releasedAt', true),
      ],
      indices: [{ columnNames: ['activeKey'], isUnique: true }],
    }));
    await q.createTable(new Table({
      name: 'tender_outcome',
      columns: [
        { name: 'caseRef', type: 'varchar', length: '64', isPrimary: true },
        { name: 'dealerId', type: 'varchar', length: '32' },
        { name: 'tenderNumber', type: 'varchar', length: '64' },
        { name: 'outcome', type: 'varchar', length: '8' },
        { name: 'note', type: 'varchar', length: '2000', isNullable: true, default: null },
        { name: 'reportedBy', type: 'varchar', length: '64' },
        datetime('reportedAt'),
      ],
      indices: [{ columnNames: ['dealerId', 'reportedAt'] }],
    }));
    await q.createTable(new Table({
      name: 'tender_customer',
      columns: [{ name: 'inn', type: 'varchar', length: '12', isPrimary: true }, { name: 'registrations', type: 'integer' }],
    }));
    await q.createTable(new Table({
      name: 'tender_product',
      columns: [
        { name: 'code', type: 'varchar', length: '32', isPrimary: true },
        { name: 'name', type: 'varchar', length: '128' },
        { name: 'sortOrder', type: 'integer', default: 0 },
      ],
    }));
    await q.createTable(new Table({
      name: 'staged_upload',
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'fileName', type: 'varchar', length: '200' },
        { name: 'contentType', type: 'varchar', length: '100' },
        { name: 'size', type: 'integer' },
        { name: 'sha256', type: 'varchar', length: '64' },
        { name: 'uploadedBy', type: 'varchar', length: '64' },
        datetime('createdAt'),
        { name: 'processInstanceKey', type: 'varchar', length: '64', isNullable: true, default: null },
      ],
      indices: [{ columnNames: ['uploadedBy', 'createdAt'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['staged_upload', 'tender_product', 'tender_customer', 'tender_outcome', 'tender_lock', 'tender']) await q.dropTable(table);
  }
}
