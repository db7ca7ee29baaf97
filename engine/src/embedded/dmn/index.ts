export type { DecisionModel, DecisionTable, LiteralDecision, HitPolicy } from './DecisionModel';
export { parseDmn, isDmnResource } from './parseDmn';
export { evaluateDecision, DecisionError } from './evaluateDecision';
