import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Vehicles, model warranty terms and service campaigns: the facts the coverage check reads. */
export class Warranty1732400000000 implements MigrationInterface {
  name = 'Warranty1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'vehicle',
      columns: [
        { name: 'vin', type: 'varchar', length: '17', isPrimary: true },
        { name: 'model', type: 'varchar', length: '64' },
        { name: 'modelYear', type: 'integer' },
        { name: 'saleDate', type: 'date' },
        { name: 'dealerId', type: 'varchar', length: '32' },
      ],
      indices: [{ columnNames: ['dealerId'] }],
      foreignKeys: [{ columnNames: ['dealerId'], referencedTableName: 'dealer', referencedColumnNames: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }],
    }));
    await q.createTable(new Table({
      name: 'warranty_terms',
      columns: [
        { name: 'model', type: 'varchar', length: '64', isPrimary: true },
        { name: 'months', type: 'integer' },
        { name: 'mileageKm', type: 'integer' },
      ],
    }));
    await q.createTable(new Table({
      name: 'service_campaign',
      columns: [
        { name: 'code', type: 'varchar', length: '32', isPrimary: true },
        { name: 'title', type: 'varchar', length: '200' },
        { name: 'model', type: 'varchar', length: '64' },
        { name: 'vins', type: 'text', isNullable: true },
        { name: 'defectCodes', type: 'text' },
        { name: 'openUntil', type: 'date' },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['service_campaign', 'warranty_terms', 'vehicle']) await q.dropTable(table);
  }
}
