import type { DecisionEvaluation, Variables } from '../../port';
import { DecisionError, evaluateDecision, type DecisionModel } from '../dmn';
import type { DefinitionRecord } from '../store/EngineStore';
import { DECISION_PREFIX } from './definitionIds';

/** Evaluates one stored decision version against variables, with the decisions of its resource as requirements. */
export function evaluateStoredDecision(def: DefinitionRecord, graph: Map<string, DecisionModel>, variables: Variables, evaluationKey: string): DecisionEvaluation {
  const decisionId = def.bpmnProcessId.slice(DECISION_PREFIX.length);
  const decision = graph.get(decisionId)!;
  const evaluation: DecisionEvaluation = {
    evaluationKey, decisionKey: def.key, decisionId, decisionName: decision.name ?? decisionId, version: def.version,
    decisionType: decision.logic.kind === 'table' ? 'DECISION_TABLE' : 'LITERAL_EXPRESSION',
  };
  try {
    evaluation.output = evaluateDecision(decision, variables, (id) => graph.get(id));
  } catch (e) {
    if (!(e instanceof DecisionError)) throw e;
    evaluation.failedDecisionId = e.decisionId;
    evaluation.failureMessage = e.message;
  }
  return evaluation;
}
