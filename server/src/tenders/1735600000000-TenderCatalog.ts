import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Catalog models can be retired: no longer offered to new tenders, still naming the old ones. */
export class TenderCatalog1735600000000 implements MigrationInterface {
  name = 'TenderCatalog1735600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('tender_product', new TableColumn({ name: 'active', type: 'boolean', default: 1 }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('tender_product', 'active');
  }
}
