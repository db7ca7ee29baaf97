import { FeelFunction } from 'feelin';
import type { DecisionModel, KnowledgeModel } from './DecisionModel';
import { functionOf } from './evaluateBoxed';
import { coerceArguments, coerceValue, resultTypeOf, type TypeScope } from './itemTypes';

/** Evaluates a decision service's output decision with some required decisions given (its input decisions). */
export type ServiceCall = (decisionId: string, context: Record<string, unknown>, given: Set<string>) => unknown;

/**
 * The functions a decision's knowledge requirements bind: each business knowledge model and
 * decision service, under its variable name. Knowledge models see each other (so they may
 * call one another and themselves) but never the caller's variables.
 */
export function knowledgeFunctions(decision: DecisionModel, lookup: (id: string) => DecisionModel | undefined, call: ServiceCall, scope: TypeScope): Record<string, unknown> {
  const models = decision.models;
  if (!models || decision.knowledge.length === 0) return {};
  const functions: Record<string, unknown> = {};
  for (const model of models.values()) {
    Object.defineProperty(functions, model.variableName, { enumerable: true, configurable: true, get: () => cached(model) });
  }
  const made = new Map<string, unknown>();
  function cached(model: KnowledgeModel): unknown {
    if (!made.has(model.id)) made.set(model.id, make(model));
    return made.get(model.id);
  }
  function make(model: KnowledgeModel): unknown {
    const { logic } = model;
    if (logic.kind === 'function') return functionOf(model.id, logic, functions, scope);
    if (logic.kind !== 'service') return null;
    const parameters = [...logic.inputData, ...logic.inputDecisions.map((id) => lookup(id)?.variableName ?? id)];
    return new FeelFunction((...args: unknown[]) => {
      const values = coerceArguments(args, logic.inputTypes, scope);
      if (!values) return null;
      const context = Object.fromEntries(parameters.map((name, i) => [name, values[i]]));
      const given = new Set(logic.inputDecisions);
      const results = logic.outputDecisions.map((id) => call(id, context, given));
      if (results.length === 1) return coerceValue(results[0], resultTypeOf(logic.typeRef, scope), scope);
      return Object.fromEntries(logic.outputDecisions.map((id, i) => [lookup(id)?.variableName ?? id, results[i]]));
    }, parameters);
  }
  const bound: Record<string, unknown> = {};
  for (const id of decision.knowledge) {
    const model = models.get(id);
    if (model) bound[model.variableName] = cached(model);
  }
  return bound;
}
