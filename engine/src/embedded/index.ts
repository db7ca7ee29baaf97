export { EmbeddedEngine } from './EmbeddedEngine';
export type { EmbeddedEngineOptions } from './EmbeddedEngine';
export { ManualClock } from './ManualClock';
export { MemoryStore } from './store/MemoryStore';
export type { EngineStore, StoreTx, DefinitionRecord, InstanceRecord, WaitItem, ItemQuery, ElementInstance, ItemKind } from './store/EngineStore';
