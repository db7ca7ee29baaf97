import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const nullable = { isNullable: true, default: null };

/** The Instances page's projection: instances, their incidents, element visits and per-element statistics. */
export class Instances1733400000000 implements MigrationInterface {
  name = 'Instances1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'process_instance',
      columns: [
        { name: 'key', type: 'varchar', length: '64', isPrimary: true },
        { name: 'bpmnProcessId', type: 'varchar', length: '128' },
        { name: 'version', type: 'integer' },
        { name: 'state', type: 'varchar', length: '16' },
        { name: 'dealerId', type: 'varchar', length: '32', ...nullable },
        { name: 'caseRef', type: 'varchar', length: '64', ...nullable },
        { name: 'startedAt', type: 'datetime', precision: 3 },
        { name: 'endedAt', type: 'datetime', precision: 3, ...nullable },
        { name: 'openIncidents', type: 'integer', default: 0 },
      ],
      indices: [
        { name: 'IDX_process_instance_started', columnNames: ['startedAt', 'key'] },
        { name: 'IDX_process_instance_process', columnNames: ['bpmnProcessId', 'version', 'startedAt'] },
        { name: 'IDX_process_instance_state', columnNames: ['state', 'startedAt'] },
        { name: 'IDX_process_instance_dealer', columnNames: ['dealerId', 'startedAt'] },
        { name: 'IDX_process_instance_incidents', columnNames: ['openIncidents', 'startedAt'] },
      ],
    }));
    await q.createTable(new Table({
      name: 'process_incident',
      columns: [
        { name: 'key', type: 'varchar', length: '64', isPrimary: true },
        { name: 'processInstanceKey', type: 'varchar', length: '64' },
        { name: 'elementId', type: 'varchar', length: '128' },
        { name: 'type', type: 'varchar', length: '32' },
        { name: 'message', type: 'varchar', length: '1000' },
        { name: 'jobKey', type: 'varchar', length: '64', ...nullable },
        { name: 'createdAt', type: 'datetime', precision: 3 },
        { name: 'resolvedAt', type: 'datetime', precision: 3, ...nullable },
        { name: 'retryClaimedAt', type: 'datetime', precision: 3, ...nullable },
      ],
      indices: [{ name: 'IDX_process_incident_instance', columnNames: ['processInstanceKey'] }],
    }));
    await q.createTable(new Table({
      name: 'process_element_visit',
      columns: [
        { name: 'elementInstanceKey', type: 'varchar', length: '96', isPrimary: true },
        { name: 'processInstanceKey', type: 'varchar', length: '64' },
        { name: 'bpmnProcessId', type: 'varchar', length: '128' },
        { name: 'version', type: 'integer' },
        { name: 'elementId', type: 'varchar', length: '128' },
        { name: 'activatedAt', type: 'datetime', precision: 3 },
        { name: 'completedAt', type: 'datetime', precision: 3, ...nullable },
      ],
      indices: [{ name: 'IDX_process_element_visit_instance', columnNames: ['processInstanceKey'] }],
    }));
    await q.createTable(new Table({
      name: 'process_element_stats',
      columns: [
        { name: 'bpmnProcessId', type: 'varchar', length: '128', isPrimary: true },
        { name: 'version', type: 'integer', isPrimary: true },
        { name: 'elementId', type: 'varchar', length: '128', isPrimary: true },
        { name: 'entered', type: 'integer', default: 0 },
        { name: 'completed', type: 'integer', default: 0 },
        { name: 'totalDurationMs', type: 'bigint', default: 0 },
      ],
    }));
    // The cases an engine ran before this list existed are added at start, through the engine's
    // searches (backfillFromEngine), once per database.
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('process_element_stats');
    await q.dropTable('process_element_visit');
    await q.dropTable('process_incident');
    await q.dropTable('process_instance');
  }
}
