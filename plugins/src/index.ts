export { BpmnError } from './BpmnError';
export { definePlugin, type Plugin, type PluginContext, type PluginDefinition, type PluginLogger } from './definePlugin';
export { backOffFor, runPlugin, type PluginOutcome } from './runPlugin';
export * from './warrantyCoverage';
export { creditNotePlugin, type CreditNoteLedger, type CreditNoteRequest } from './creditNote/creditNotePlugin';
export { notifyPlugin, type Notification, type NotificationOutbox } from './notify/notifyPlugin';
export * from './stock';
export * from './creditExposure';
export * from './tenderRegistry';
