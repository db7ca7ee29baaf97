export { EmbeddedEngine } from './EmbeddedEngine';
export type { EmbeddedEngineOptions } from './EmbeddedEngine';
export { ManualClock } from './ManualClock';
export { MemoryStore } from './store/MemoryStore';
export type { EngineStore, StoreTx, DefinitionRecord, InstanceRecord, WaitItem, ItemQuery, ElementInstance, ItemKind } from './store/EngineStore';
export { TypeOrmStore } from './store/sql/TypeOrmStore';
export { engineEntities, EngineDefinitionEntity, EngineInstanceEntity, EngineItemEntity } from './store/sql/entities';
export { engineMigrations, EngineSchema1763800000000 } from './store/sql/EngineSchema1763800000000';
