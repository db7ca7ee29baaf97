export { BpmnError } from './BpmnError';
export { definePlugin, type Plugin, type PluginContext, type PluginDefinition, type PluginLogger } from './definePlugin';
export { backOffFor, runPlugin, type PluginOutcome } from './runPlugin';
export * from './warrantyCoverage';
