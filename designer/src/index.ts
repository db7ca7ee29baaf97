// Packages that compile this source (web, the server) must see our declarations of the untyped bpmn-io modules.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./types/modules.d.ts" />
// The designer for the web app (browser only); the model layer alone is `@dealerflow/designer/lint`.
export { createDesigner, type DesignerOptions } from './createDesigner';
export { Designer, type DesignerSnapshot, type DesignerState } from './Designer';
export type { DesignerPlugin } from './DesignerPlugin';
export type { FormLink } from './features/form-link/FormLink';
export { newDiagramXml } from './newDiagramXml';
export * from './lint';
export { DecisionEditor, type DecisionView } from './dmn/DecisionEditor';
export type { ActiveTable, TableInput, TableOutput } from './dmn/activeTable';
export { decisionGaps, type DecisionGap, type DecisionGapKind } from './dmn/decisionGaps';
export { newDecisionXml } from './dmn/newDecisionXml';
export { localizeLintMessage } from './features/translate/lintMessagesRu';
export { pluginTemplate, pluginTemplateId, type ElementTemplate, type TemplateProperty } from './features/plugin-templates/pluginTemplate';
