import { FeelFunction, isFunction } from 'feelin';
import { DecisionError } from './DecisionError';
import type { BoxedExpression, FunctionDefinition, Invocation } from './DecisionModel';
import { evaluateTable, guard } from './evaluateTable';
import { evaluateFeel } from './feelValues';

type Context = Record<string, unknown>;

/** Evaluates a boxed expression (literal, table, context, invocation, function, relation, list) to a FEEL value. */
export function evaluateBoxed(decisionId: string, expr: BoxedExpression, context: Context): unknown {
  switch (expr.kind) {
    case 'literal': return expr.expression === '' ? null : guard(decisionId, () => evaluateFeel(expr.expression, context));
    case 'table': return evaluateTable(decisionId, expr, context);
    case 'context': {
      const scope = { ...context };
      const result: Context = {};
      for (const entry of expr.entries) {
        const value = evaluateBoxed(decisionId, entry.value, scope);
        if (entry.name === undefined) return value;
        result[entry.name] = value;
        scope[entry.name] = value;
      }
      return result;
    }
    case 'invocation': return invoke(decisionId, expr, context);
    case 'function': return functionOf(decisionId, expr, context);
    case 'relation': return expr.rows.map((row) => Object.fromEntries(expr.columns.map((column, i) => [column, row[i] ? evaluateBoxed(decisionId, row[i], context) : null])));
    case 'list': return expr.items.map((item) => evaluateBoxed(decisionId, item, context));
    case 'conditional': {
      const condition = evaluateBoxed(decisionId, expr.condition, context);
      if (condition !== null && typeof condition !== 'boolean') return null;
      return evaluateBoxed(decisionId, condition === true ? expr.then : expr.otherwise, context);
    }
    case 'filter': {
      const items = listOf(evaluateBoxed(decisionId, expr.list, context));
      const matches = items?.map((item) => evaluateBoxed(decisionId, expr.match, { ...context, ...(isContext(item) ? item : {}), item }));
      if (!items || !matches || !matches.every(isBooleanOrNull)) return null;
      return items.filter((_item, i) => matches[i] === true);
    }
    case 'iterator': {
      const items = listOf(evaluateBoxed(decisionId, expr.list, context));
      if (!items) return null;
      const results = items.map((item) => evaluateBoxed(decisionId, expr.body, { ...context, [expr.variable]: item }));
      if (expr.mode === 'for') return results;
      if (!results.every(isBooleanOrNull)) return null;
      return expr.mode === 'some' ? results.some((r) => r === true) : results.every((r) => r === true);
    }
    case 'unsupported': throw new DecisionError(decisionId, `${expr.what} is not supported`);
  }
}

/** A list, a single value as a list of one (FEEL's singleton coercion), or null. */
function listOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  return value === null || value === undefined ? null : [value];
}

const isBooleanOrNull = (v: unknown) => v === null || typeof v === 'boolean';
const isContext = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** A FEEL function value whose body is evaluated in the defining context plus its parameters. */
export function functionOf(decisionId: string, fn: FunctionDefinition, context: Context): FeelFunction | null {
  if (fn.functionKind !== 'FEEL' || !fn.body) return null;
  const body = fn.body;
  const names = fn.parameters.map((p) => p.name);
  return new FeelFunction((...args: unknown[]) => {
    const scope = { ...context };
    names.forEach((name, i) => { scope[name] = args[i] ?? null; });
    return evaluateBoxed(decisionId, body, scope);
  }, names);
}

function invoke(decisionId: string, call: Invocation, context: Context): unknown {
  const target = context[call.callee] ?? guard(decisionId, () => evaluateFeel(call.callee, context));
  if (!isFunction(target)) return null;
  const args = Object.fromEntries(call.bindings.map((b) => [b.name, b.value ? evaluateBoxed(decisionId, b.value, context) : null]));
  const result = (target as FeelFunction).invoke(args) as unknown;
  return result !== null && typeof result === 'object' && result.constructor?.name === 'InvocationFailure' ? null : result;
}
