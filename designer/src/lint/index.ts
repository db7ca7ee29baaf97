// Packages that compile this source (web, the server) must see our declarations of the untyped bpmn-io modules.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../types/modules.d.ts" />
// The model layer of the designer: no DOM, so the server can lint a deployment with it.
export type { LintIssue } from './LintIssue';
export { lintDefinitions, hasLintErrors, type LintOptions } from './lintDefinitions';
export { readDefinitions, createModdle, type ParsedDefinitions } from './readDefinitions';
export { dealerflowRules, builtInRules, type LintPurpose } from './lintConfig';
export { feelSyntaxError } from './feelSyntaxError';
export { timerValueError, type TimerKind } from './timerValueError';
export { semanticTree, type SemanticNode } from './semanticTree';
export { diffDefinitions, isEmptyDiff, type DefinitionsDiff, type ElementChange, type ElementSummary, type FacetChange } from './diff/diffDefinitions';
export type { FacetName } from './diff/elementFacets';
