export type { DecisionModel, DecisionTable, LiteralDecision, HitPolicy, BoxedExpression, KnowledgeModel } from './DecisionModel';
export { parseDmn, isDmnResource } from './parseDmn';
export { evaluateDecision, evaluateDecisionValue, DecisionError } from './evaluateDecision';
export { explainDecision } from './explainDecision';
export type { DecisionExplanation, DecisionStep, MatchedRule } from './explainDecision';
