import { unaryTest } from 'feelin';
import type { Variables } from '../../port';
import { compileExpression, FeelError } from '../feel/Expression';
import type { DecisionModel, DecisionTable, Rule } from './DecisionModel';

/** A decision that could not be evaluated; the engine raises a DECISION_EVALUATION_ERROR incident. */
export class DecisionError extends Error {
  constructor(readonly decisionId: string, message: string) {
    super(`decision '${decisionId}': ${message}`);
    this.name = 'DecisionError';
  }
}

/** Finds a decision of the same deployment by id (for required decisions). */
export type DecisionLookup = (decisionId: string) => DecisionModel | undefined;

/**
 * Evaluates a decision against variables, required decisions first (their results join the
 * context under their ids). The result follows Zeebe: a single-hit table gives the output
 * value (a context when it has several outputs, null when no rule matched); a multi-hit
 * table gives a list, or a number with an aggregation.
 */
export function evaluateDecision(decision: DecisionModel, variables: Variables, lookup: DecisionLookup, seen: string[] = []): unknown {
  if (seen.includes(decision.decisionId)) throw new DecisionError(decision.decisionId, `requirement cycle ${[...seen, decision.decisionId].join(' -> ')}`);
  const context: Variables = { ...variables };
  for (const id of decision.requires) {
    const required = lookup(id);
    if (!required) throw new DecisionError(decision.decisionId, `required decision '${id}' is not deployed`);
    context[id] = evaluateDecision(required, context, lookup, [...seen, decision.decisionId]);
  }
  const { logic } = decision;
  if (logic.kind === 'literal') return feel(decision.decisionId, logic.expression, context);
  return evaluateTable(decision.decisionId, logic, context);
}

function evaluateTable(decisionId: string, table: DecisionTable, context: Variables): unknown {
  const inputValues = table.inputs.map((text) => (text === '' ? null : feel(decisionId, text, context)));
  const matched = table.rules.filter((rule) => matches(decisionId, rule, inputValues, context));
  const outputs = matched.map((rule) => outputOf(decisionId, table, rule, context));
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (outputs.length > 1) throw new DecisionError(decisionId, `hit policy UNIQUE, but rules ${matched.map((r) => r.id).join(', ')} matched`);
      return outputs[0] ?? null;
    case 'FIRST': return outputs[0] ?? null;
    case 'ANY':
      if (new Set(outputs.map((o) => JSON.stringify(o))).size > 1) throw new DecisionError(decisionId, `hit policy ANY, but the matching rules ${matched.map((r) => r.id).join(', ')} disagree`);
      return outputs[0] ?? null;
    case 'PRIORITY': return byPriority(table, outputs)[0] ?? null;
    case 'OUTPUT ORDER': return byPriority(table, outputs);
    case 'RULE ORDER': return outputs;
    case 'COLLECT': return table.aggregation ? aggregate(decisionId, table.aggregation, outputs) : outputs;
  }
}

function matches(decisionId: string, rule: Rule, inputValues: unknown[], context: Variables): boolean {
  return rule.inputEntries.every((entry, i) => {
    if (entry === '' || entry === '-') return true;
    try {
      return unaryTest(entry, { ...context, '?': inputValues[i] }).value === true;
    } catch (e) {
      throw new DecisionError(decisionId, `rule ${rule.id}: cannot test '${entry}': ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}

function outputOf(decisionId: string, table: DecisionTable, rule: Rule, context: Variables): unknown {
  const values = rule.outputEntries.map((text) => (text === '' ? null : feel(decisionId, text, context)));
  if (table.outputs.length === 1) return values[0];
  return Object.fromEntries(table.outputs.map((o, i) => [o.name, values[i]]));
}

/** Sorts outputs by the output values' order (first output column first); unlisted values go last. */
function byPriority(table: DecisionTable, outputs: unknown[]): unknown[] {
  const rank = (output: unknown) => table.outputs.map((column) => {
    const value = table.outputs.length === 1 ? output : (output as Record<string, unknown>)[column.name];
    const index = column.priority?.findIndex((p) => p === value) ?? -1;
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  });
  return [...outputs].sort((a, b) => {
    const ra = rank(a), rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return 0;
  });
}

function aggregate(decisionId: string, aggregation: NonNullable<DecisionTable['aggregation']>, outputs: unknown[]): unknown {
  if (aggregation === 'COUNT') return outputs.length;
  if (outputs.length === 0) return null;
  if (outputs.some((o) => typeof o !== 'number')) throw new DecisionError(decisionId, `${aggregation} needs numeric outputs`);
  const numbers = outputs as number[];
  if (aggregation === 'SUM') return numbers.reduce((a, b) => a + b, 0);
  return aggregation === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
}

/** Evaluates an input or output expression the way every other FEEL attribute of a model is (compiled once, JSON results). */
function feel(decisionId: string, text: string, context: Variables): unknown {
  try {
    return compileExpression(`=${text}`).evaluate(context);
  } catch (e) {
    if (e instanceof FeelError) throw new DecisionError(decisionId, e.message);
    throw e;
  }
}
