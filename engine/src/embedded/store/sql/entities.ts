import { EntitySchema } from 'typeorm';
import './longText';

/** A row of engine_definition: one deployed process version. */
export interface DefinitionRow {
  definitionKey: string;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  xml: string;
  deployedAt: string;
}

/** A row of engine_instance: the instance document as JSON. */
export interface InstanceRow {
  instanceKey: string;
  bpmnProcessId: string;
  state: string;
  data: string;
}

/** A row of engine_item: a job, user task, timer, subscription, buffered message or incident. */
export interface ItemRow {
  itemKey: string;
  kind: string;
  instanceKey: string;
  elementInstanceId: string;
  name: string;
  correlationKey: string;
  dueAt: string | null;
  data: string;
}

/** Deployed process definitions. */
export const EngineDefinitionEntity = new EntitySchema<DefinitionRow>({
  name: 'EngineDefinition',
  tableName: 'engine_definition',
  columns: {
    definitionKey: { name: 'definition_key', type: 'varchar', length: 32, primary: true },
    bpmnProcessId: { name: 'bpmn_process_id', type: 'varchar', length: 255 },
    version: { type: 'integer' },
    resourceName: { name: 'resource_name', type: 'varchar', length: 255 },
    xml: { type: 'text' },
    deployedAt: { name: 'deployed_at', type: 'bigint' },
  },
  indices: [{ name: 'IDX_engine_definition_process_version', columns: ['bpmnProcessId', 'version'], unique: true }],
});

/** Process instances (variables, tokens and history in one JSON document). */
export const EngineInstanceEntity = new EntitySchema<InstanceRow>({
  name: 'EngineInstance',
  tableName: 'engine_instance',
  columns: {
    instanceKey: { name: 'instance_key', type: 'varchar', length: 32, primary: true },
    bpmnProcessId: { name: 'bpmn_process_id', type: 'varchar', length: 255 },
    state: { type: 'varchar', length: 16 },
    data: { type: 'text' },
  },
});

/** Everything an instance waits on, indexed for the engine's lookups. */
export const EngineItemEntity = new EntitySchema<ItemRow>({
  name: 'EngineItem',
  tableName: 'engine_item',
  columns: {
    itemKey: { name: 'item_key', type: 'varchar', length: 32, primary: true },
    kind: { type: 'varchar', length: 16 },
    instanceKey: { name: 'instance_key', type: 'varchar', length: 300 },
    elementInstanceId: { name: 'element_instance_id', type: 'varchar', length: 32 },
    name: { type: 'varchar', length: 255 },
    correlationKey: { name: 'correlation_key', type: 'varchar', length: 255 },
    dueAt: { name: 'due_at', type: 'bigint', nullable: true },
    data: { type: 'text' },
  },
  indices: [
    { name: 'IDX_engine_item_lookup', columns: ['kind', 'name', 'correlationKey', 'dueAt'] },
    { name: 'IDX_engine_item_instance', columns: ['instanceKey'] },
  ],
});

/** The engine's TypeORM entity schemas, to add to the application's DataSource. */
export const engineEntities = [EngineDefinitionEntity, EngineInstanceEntity, EngineItemEntity];
