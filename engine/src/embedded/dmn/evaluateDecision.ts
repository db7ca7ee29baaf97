import type { Variables } from '../../port';
import { DecisionError } from './DecisionError';
import type { DecisionModel } from './DecisionModel';
import { evaluateBoxed } from './evaluateBoxed';
import { toJson } from './feelValues';
import { knowledgeFunctions } from './knowledgeFunctions';

export { DecisionError } from './DecisionError';

/** Finds a decision of the same deployment by id (for required decisions). */
export type DecisionLookup = (decisionId: string) => DecisionModel | undefined;

/**
 * Evaluates a decision against JSON variables and gives its result as JSON (dates as ISO
 * text). The result follows Zeebe: a single-hit table gives the output value (a context when
 * it has several outputs, null when no rule matched); a multi-hit table gives a list, or a
 * number with an aggregation.
 */
export function evaluateDecision(decision: DecisionModel, variables: Variables, lookup: DecisionLookup): unknown {
  return toJson(evaluateDecisionValue(decision, variables, lookup));
}

/**
 * Evaluates a decision to a FEEL value, required decisions first. Each required decision's
 * result is bound under its variable name (as DMN references it), and under its id too when
 * no variable has that name, as older models reference it by id. Decisions in `given` are
 * not evaluated: their value is already in the context (a decision service's input decisions).
 */
export function evaluateDecisionValue(decision: DecisionModel, variables: Record<string, unknown>, lookup: DecisionLookup, given = new Set<string>(), seen: string[] = []): unknown {
  if (seen.includes(decision.decisionId)) throw new DecisionError(decision.decisionId, `requirement cycle ${[...seen, decision.decisionId].join(' -> ')}`);
  const path = [...seen, decision.decisionId];
  const context: Record<string, unknown> = { ...variables };
  for (const id of decision.requires) {
    const required = lookup(id);
    if (!required) throw new DecisionError(decision.decisionId, `required decision '${id}' is not deployed`);
    if (given.has(id)) continue;
    const value = evaluateDecisionValue(required, context, lookup, given, path);
    context[required.variableName] = value;
    if (!(id in context)) context[id] = value;
  }
  const call = (id: string, ctx: Record<string, unknown>, inputs: Set<string>) => {
    const target = lookup(id);
    if (!target) throw new DecisionError(decision.decisionId, `decision '${id}' of a decision service is not deployed`);
    return evaluateDecisionValue(target, ctx, lookup, inputs);
  };
  Object.assign(context, knowledgeFunctions(decision, lookup, call));
  return evaluateBoxed(decision.decisionId, decision.logic, context);
}
