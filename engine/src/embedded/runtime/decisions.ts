import { DecisionError, evaluateDecision } from '../dmn';
import type { ElementDef } from '../model/ProcessModel';
import type { ElementInstance, InstanceRecord } from '../store/EngineStore';
import { raiseIncident } from './incidents';
import type { Step } from './Step';
import { visibleVariables } from './variables';

/**
 * A business rule task with zeebe:calledDecision: evaluates the latest deployed version of
 * the decision and completes with its result in the result variable. A decision that is
 * missing or fails raises a DECISION_EVALUATION_ERROR incident (retried by resolving it).
 */
export async function evaluateCalledDecision(step: Step, rec: InstanceRecord, el: ElementDef, ei: ElementInstance): Promise<void> {
  const variables = visibleVariables(rec, ei.id);
  const decisionId = String(el.decision!.decisionId.evaluate(variables));
  let result: unknown;
  try {
    const graph = await step.decisions(decisionId);
    const decision = graph?.get(decisionId);
    if (!graph || !decision) throw new DecisionError(decisionId, 'no decision with this id is deployed');
    result = evaluateDecision(decision, variables, (id) => graph.get(id));
  } catch (e) {
    if (e instanceof DecisionError) return raiseIncident(step, rec, ei, 'DECISION_EVALUATION_ERROR', e.message, { phase: 'activate' });
    throw e;
  }
  await step.ops.completeElement(step, rec, ei, { [el.decision!.resultVariable]: result });
}
