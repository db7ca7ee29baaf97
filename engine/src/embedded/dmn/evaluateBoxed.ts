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
    case 'unsupported': throw new DecisionError(decisionId, `${expr.what} is not supported`);
  }
}

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
