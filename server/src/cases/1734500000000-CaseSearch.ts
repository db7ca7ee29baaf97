import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { caseSearchFields } from '../instances/caseSearchFields';

const nullable = { isNullable: true, default: null };

/** Indexes of the Cases page's search: by reference, VIN and customer (each also within a dealer), and by process in date order. */
const indexes = [
  new TableIndex({ name: 'IDX_process_instance_process_started', columnNames: ['bpmnProcessId', 'startedAt'] }),
  new TableIndex({ name: 'IDX_process_instance_caseref', columnNames: ['caseRef'] }),
  new TableIndex({ name: 'IDX_process_instance_vin', columnNames: ['vin'] }),
  new TableIndex({ name: 'IDX_process_instance_customer', columnNames: ['customerKey'] }),
  new TableIndex({ name: 'IDX_process_instance_dealer_caseref', columnNames: ['dealerId', 'caseRef'] }),
  new TableIndex({ name: 'IDX_process_instance_dealer_vin', columnNames: ['dealerId', 'vin'] }),
  new TableIndex({ name: 'IDX_process_instance_dealer_customer', columnNames: ['dealerId', 'customerKey'] }),
];

/**
 * The Cases page (issue 16): the instance list keeps each case's VIN and customer in columns of
 * its own, indexed for a prefix search. Cases the embedded engine already runs get theirs
 * from their variables.
 */
export class CaseSearch1734500000000 implements MigrationInterface {
  name = 'CaseSearch1734500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('process_instance', [
      new TableColumn({ name: 'vin', type: 'varchar', length: '32', ...nullable }),
      new TableColumn({ name: 'customerName', type: 'varchar', length: '200', ...nullable }),
      new TableColumn({ name: 'customerKey', type: 'varchar', length: '100', ...nullable }),
    ]);
    if (await q.hasTable('engine_instance')) {
      for (const { data } of (await q.query('SELECT data FROM engine_instance')) as { data: string }[]) {
        const instance = JSON.parse(data) as { key: string; vars?: Record<string, Record<string, unknown>> };
        const fields = caseSearchFields(instance.vars?.['0'] ?? {});
        if (fields.vin === null && fields.customerName === null) continue;
        await q.manager.createQueryBuilder().update('process_instance').set(fields).where('`key` = :key', { key: instance.key }).execute();
      }
    }
    await q.createIndices('process_instance', indexes);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [...indexes].reverse()) await q.dropIndex('process_instance', index.name!);
    await q.dropColumns('process_instance', ['customerKey', 'customerName', 'vin']);
  }
}
