import type { Variables } from '../../port';
import { DecisionError } from './DecisionError';
import type { DecisionModel } from './DecisionModel';
import { evaluateBoxed } from './evaluateBoxed';
import { toJson } from './feelValues';
import { coerceValue, typeTests, type TypeScope } from './itemTypes';
import { knowledgeFunctions } from './knowledgeFunctions';

export { DecisionError } from './DecisionError';

/** Finds a decision of the same deployment by id (for required decisions). */
export type DecisionLookup = (decisionId: string) => DecisionModel | undefined;

/** How a decision is evaluated. */
export interface EvaluationOptions {
  /** Required decisions not to evaluate: their value is already in the context (a decision service's input decisions). */
  given?: Set<string>;
  /** Values that do not conform to their typeRef become null, as DMN says; the engine keeps them. */
  strictTypes?: boolean;
  /** Told which rules of a table matched, for explaining a decision. */
  onMatched?: TypeScope['onMatched'];
  /** Told each decision's result (required decisions first), for explaining a decision. */
  onEvaluated?: (decision: DecisionModel, value: unknown) => void;
}

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
 * no variable has that name, as older models reference it by id.
 */
export function evaluateDecisionValue(decision: DecisionModel, variables: Record<string, unknown>, lookup: DecisionLookup, options: EvaluationOptions = {}, seen: string[] = []): unknown {
  if (seen.includes(decision.decisionId)) throw new DecisionError(decision.decisionId, `requirement cycle ${[...seen, decision.decisionId].join(' -> ')}`);
  const path = [...seen, decision.decisionId];
  const given = options.given ?? new Set<string>();
  const context: Record<string, unknown> = { ...variables };
  for (const id of decision.requires) {
    const required = lookup(id);
    if (!required) throw new DecisionError(decision.decisionId, `required decision '${id}' is not deployed`);
    if (given.has(id)) continue;
    const value = evaluateDecisionValue(required, context, lookup, options, path);
    context[required.variableName] = value;
    if (!(id in context)) context[id] = value;
  }
  const scope: TypeScope = { types: decision.types ?? new Map(), strict: options.strictTypes === true, onMatched: options.onMatched };
  const call = (id: string, ctx: Record<string, unknown>, inputs: Set<string>) => {
    const target = lookup(id);
    if (!target) throw new DecisionError(decision.decisionId, `decision '${id}' of a decision service is not deployed`);
    return evaluateDecisionValue(target, ctx, lookup, { ...options, given: inputs });
  };
  Object.assign(context, typeTests(scope, context), knowledgeFunctions(decision, lookup, call, scope));
  const value = coerceValue(evaluateBoxed(decision.decisionId, decision.logic, context, scope), decision.typeRef, scope);
  options.onEvaluated?.(decision, value);
  return value;
}
