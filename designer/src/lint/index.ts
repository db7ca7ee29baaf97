// The model layer of the designer: no DOM, so the server can lint a deployment with it.
export type { LintIssue } from './LintIssue';
export { lintDefinitions, hasLintErrors, type LintOptions } from './lintDefinitions';
export { readDefinitions, createModdle, type ParsedDefinitions } from './readDefinitions';
export { dealerflowRules, builtInRules } from './lintConfig';
export { feelSyntaxError } from './feelSyntaxError';
export { timerValueError, type TimerKind } from './timerValueError';
