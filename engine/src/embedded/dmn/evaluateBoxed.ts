import { FeelFunction, isFunction } from 'feelin';
import { DecisionError } from './DecisionError';
import type { BoxedExpression, FunctionDefinition, Invocation } from './DecisionModel';
import { evaluateTable, guard } from './evaluateTable';
import { evaluateFeel } from './feelValues';
import { coerceArguments, coerceValue, resultTypeOf, type TypeScope } from './itemTypes';

type Context = Record<string, unknown>;

/** Evaluates a boxed expression (literal, table, context, invocation, function, relation, list) to a FEEL value. */
export function evaluateBoxed(decisionId: string, expr: BoxedExpression, context: Context, scope: TypeScope): unknown {
  switch (expr.kind) {
    case 'literal': return expr.expression === '' ? null : coerceValue(guard(decisionId, () => evaluateFeel(expr.expression, context)), expr.typeRef, scope);
    case 'table': return evaluateTable(decisionId, expr, context, scope.onMatched);
    case 'context': {
      const entries = { ...context };
      const result: Context = {};
      for (const entry of expr.entries) {
        const value = coerceValue(evaluateBoxed(decisionId, entry.value, entries, scope), entry.typeRef, scope);
        if (entry.name === undefined) return value;
        result[entry.name] = value;
        entries[entry.name] = value;
      }
      return result;
    }
    case 'invocation': return invoke(decisionId, expr, context, scope);
    case 'function': return functionOf(decisionId, expr, context, scope);
    case 'relation': return expr.rows.map((row) => Object.fromEntries(expr.columns.map((column, i) => [column, row[i] ? evaluateBoxed(decisionId, row[i], context, scope) : null])));
    case 'list': return expr.items.map((item) => evaluateBoxed(decisionId, item, context, scope));
    case 'conditional': {
      const condition = evaluateBoxed(decisionId, expr.condition, context, scope);
      if (condition !== null && typeof condition !== 'boolean') return null;
      return evaluateBoxed(decisionId, condition === true ? expr.then : expr.otherwise, context, scope);
    }
    case 'filter': {
      const items = listOf(evaluateBoxed(decisionId, expr.list, context, scope));
      const matches = items?.map((item) => evaluateBoxed(decisionId, expr.match, { ...context, ...(isContext(item) ? item : {}), item }, scope));
      if (!items || !matches || !matches.every(isBooleanOrNull)) return null;
      return items.filter((_item, i) => matches[i] === true);
    }
    case 'iterator': {
      const items = listOf(evaluateBoxed(decisionId, expr.list, context, scope));
      if (!items) return null;
      const results = items.map((item) => evaluateBoxed(decisionId, expr.body, { ...context, [expr.variable]: item }, scope));
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
export function functionOf(decisionId: string, fn: FunctionDefinition, context: Context, scope: TypeScope): FeelFunction | null {
  if (fn.functionKind !== 'FEEL' || !fn.body) return null;
  const body = fn.body;
  const names = fn.parameters.map((p) => p.name);
  return new FeelFunction((...args: unknown[]) => {
    const values = coerceArguments(args, fn.parameters.map((p) => p.typeRef), scope);
    if (!values) return null;
    const locals = { ...context };
    fn.parameters.forEach((p, i) => { locals[p.name] = values[i]; });
    return coerceValue(evaluateBoxed(decisionId, body, locals, scope), resultTypeOf(fn.typeRef, scope), scope);
  }, names);
}

function invoke(decisionId: string, call: Invocation, context: Context, scope: TypeScope): unknown {
  const target = context[call.callee] ?? guard(decisionId, () => evaluateFeel(call.callee, context));
  if (!isFunction(target)) return null;
  const args = Object.fromEntries(call.bindings.map((b) => [b.name, b.value ? evaluateBoxed(decisionId, b.value, context, scope) : null]));
  const result = (target as FeelFunction).invoke(args) as unknown;
  return result !== null && typeof result === 'object' && result.constructor?.name === 'InvocationFailure' ? null : result;
}
