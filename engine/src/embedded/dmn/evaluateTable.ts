import { DecisionError } from './DecisionError';
import type { DecisionTable, Rule } from './DecisionModel';
import { coerceToType, evaluateFeel, FeelEvaluationError, feelEquals, testInput } from './feelValues';

type Context = Record<string, unknown>;

/** An entry that tests against text literals only: `"a"`, `< "b"`, `["a".."b"]`, `not("a", "b")`. */
const TEXT_TEST = /^(not\s*\()?\s*((<=|>=|<|>|=|!=|\[|\(|\])?\s*"[^"]*"\s*(\.\.\s*"[^"]*"\s*[\])[]?)?\s*,?\s*)+\)?$/;

/**
 * Evaluates a decision table over FEEL values. Input values keep their FEEL types (a date
 * column compares dates), and JSON strings become dates, times or durations where the input
 * expression's typeRef says so. A single-hit table gives the output value (a context when
 * it has several outputs, the default outputs or null when no rule matched); a multi-hit
 * table gives a list, or a number with an aggregation.
 */
export function evaluateTable(decisionId: string, table: DecisionTable, context: Context, onMatched?: (table: DecisionTable, matched: Rule[]) => void): unknown {
  const rawValues = table.inputs.map((input) => (input.expression === '' ? null : guard(decisionId, () => evaluateFeel(input.expression, context))));
  const inputValues = table.inputs.map((input, i) => {
    const value = guard(decisionId, () => coerceToType(rawValues[i], input.typeRef, `input ${i + 1} ('${input.expression}')`));
    // text compared with a date never matches: fail loudly rather than answer wrong
    if (typeof value === 'string' && input.temporalRule) {
      throw new DecisionError(decisionId, `input ${i + 1} ('${input.expression}') is the text '${value}', but rule ${input.temporalRule} compares it with a date, time or duration: give the input expression a typeRef (date, time, dateTime, dayTimeDuration, yearMonthDuration) or convert it, e.g. date(${input.expression})`);
    }
    return value;
  });
  const matched = table.rules.filter((rule) => matches(decisionId, rule, inputValues, rawValues, context));
  onMatched?.(table, matched);
  const outputs = matched.map((rule) => outputOf(decisionId, table, rule.outputEntries, context));
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (outputs.length > 1) throw new DecisionError(decisionId, `hit policy UNIQUE, but rules ${matched.map((r) => r.id).join(', ')} matched`);
      return outputs[0] ?? defaults(decisionId, table, context);
    case 'FIRST': return outputs[0] ?? defaults(decisionId, table, context);
    case 'ANY':
      if (outputs.some((o) => !feelEquals(o, outputs[0]))) throw new DecisionError(decisionId, `hit policy ANY, but the matching rules ${matched.map((r) => r.id).join(', ')} disagree`);
      return outputs[0] ?? defaults(decisionId, table, context);
    case 'PRIORITY': return byPriority(table, outputs)[0] ?? defaults(decisionId, table, context);
    case 'OUTPUT ORDER': return byPriority(table, outputs);
    case 'RULE ORDER': return outputs;
    case 'COLLECT':
      if (!table.aggregation) return outputs;
      return outputs.length === 0 && table.aggregation !== 'COUNT' ? defaults(decisionId, table, context) : aggregate(decisionId, table.aggregation, outputs);
  }
}

function matches(decisionId: string, rule: Rule, inputValues: unknown[], rawValues: unknown[], context: Context): boolean {
  return rule.inputEntries.every((entry, i) => {
    if (entry === '' || entry === '-') return true;
    // entries written as text ("2024-01-01", < "2024-06-01") keep testing the text, as before dates were typed
    const input = typeof rawValues[i] === 'string' && TEXT_TEST.test(entry) ? rawValues[i] : inputValues[i];
    return guard(decisionId, () => testInput(entry, input, context), `rule ${rule.id}: `);
  });
}

function outputOf(decisionId: string, table: DecisionTable, entries: Array<string | undefined>, context: Context): unknown {
  const values = entries.map((text) => (!text ? null : guard(decisionId, () => evaluateFeel(text, context))));
  if (table.outputs.length === 1) return values[0];
  return Object.fromEntries(table.outputs.map((o, i) => [o.name, values[i]]));
}

function defaults(decisionId: string, table: DecisionTable, context: Context): unknown {
  if (!table.outputs.some((o) => o.defaultValue)) return null;
  return outputOf(decisionId, table, table.outputs.map((o) => o.defaultValue), context);
}

/** Sorts outputs by the output values' order (first output column first); unlisted values go last. */
function byPriority(table: DecisionTable, outputs: unknown[]): unknown[] {
  const rank = (output: unknown) => table.outputs.map((column) => {
    const value = table.outputs.length === 1 ? output : (output as Record<string, unknown>)[column.name];
    const index = column.priority?.findIndex((p) => feelEquals(p, value)) ?? -1;
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

/** Runs a FEEL step, turning its failure into a DecisionError that names the decision. */
export function guard<T>(decisionId: string, run: () => T, prefix = ''): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof FeelEvaluationError) throw new DecisionError(decisionId, prefix + e.message);
    throw e;
  }
}
