import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { EngineLongText1763900000000 } from './EngineLongText1763900000000';

const varchar = (name: string, length: number, extra: object = {}) => ({ name, type: 'varchar', length: String(length), ...extra });

/** Creates the embedded engine's tables; the Table API keeps it identical on SQLite and MySQL/MariaDB. */
export class EngineSchema1763800000000 implements MigrationInterface {
  name = 'EngineSchema1763800000000';

  /** Creates engine_definition, engine_instance and engine_item. */
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'engine_definition',
      columns: [
        varchar('definition_key', 32, { isPrimary: true }), varchar('bpmn_process_id', 255), { name: 'version', type: 'integer' },
        varchar('resource_name', 255), { name: 'xml', type: 'text' }, { name: 'deployed_at', type: 'bigint' },
      ],
      indices: [{ name: 'IDX_engine_definition_process_version', columnNames: ['bpmn_process_id', 'version'], isUnique: true }],
    }));
    await q.createTable(new Table({
      name: 'engine_instance',
      columns: [varchar('instance_key', 32, { isPrimary: true }), varchar('bpmn_process_id', 255), varchar('state', 16), { name: 'data', type: 'text' }],
    }));
    await q.createTable(new Table({
      name: 'engine_item',
      columns: [
        varchar('item_key', 32, { isPrimary: true }), varchar('kind', 16), varchar('instance_key', 300), varchar('element_instance_id', 32),
        varchar('name', 255), varchar('correlation_key', 255), { name: 'due_at', type: 'bigint', isNullable: true }, { name: 'data', type: 'text' },
      ],
      indices: [
        // one lookup index serves jobs and timers (correlation key ''), messages and buffers
        { name: 'IDX_engine_item_lookup', columnNames: ['kind', 'name', 'correlation_key', 'due_at'] },
        { name: 'IDX_engine_item_instance', columnNames: ['instance_key'] },
      ],
    }));
  }

  /** Drops the engine's tables. */
  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('engine_item');
    await q.dropTable('engine_instance');
    await q.dropTable('engine_definition');
  }
}

/** The engine's migrations, in order, to add to the application's DataSource. */
export const engineMigrations = [EngineSchema1763800000000, EngineLongText1763900000000];
