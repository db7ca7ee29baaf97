import { evaluate, parseExpression } from 'feelin';
import type { Variables } from '../../port';
import { budgetExceeded } from './budget';

/** A compiled expression attribute: FEEL when it starts with `=`, a static string otherwise. */
export interface Expression {
  readonly source: string;
  readonly isFeel: boolean;
  /** Evaluates against variables; throws FeelError when FEEL cannot be evaluated. */
  evaluate(context: Variables): unknown;
}

/** A FEEL expression that failed (syntax) or evaluated to something unusable. */
export class FeelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeelError';
  }
}

/** A FEEL expression stopped because it did more work than one evaluation may. */
export class FeelBudgetError extends FeelError {
  constructor(readonly source: string, readonly reason: string) {
    super(`expression too expensive: ${reason}`);
    this.name = 'FeelBudgetError';
  }

  /** The message naming where it ran: "expression too expensive: more than N iterations in element X (=source)". */
  inElement(elementId: string): string {
    const shown = this.source.length > 120 ? `${this.source.slice(0, 117)}...` : this.source;
    return `${this.message} in element ${elementId} (=${shown})`;
  }
}

const KEYWORDS = new Set(['true', 'false', 'null', 'not', 'and', 'or', 'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'between', 'instance', 'of', 'function']);
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const STRING = /^"([^"\\]*)"$/;
const COMPARISON = /^([A-Za-z_][A-Za-z0-9_.]*)\s*(<=|>=|!=|<|>|=)\s*(-?\d+(?:\.\d+)?|"[^"\\]*"|true|false)$/;

const cache = new Map<string, Expression>();

/** Compiles (and caches) an expression attribute value. */
export function compileExpression(raw: string): Expression {
  let compiled = cache.get(raw);
  if (!compiled) {
    compiled = raw.startsWith('=') ? compileFeel(raw.slice(1).trim()) : staticValue(raw);
    if (cache.size < 10_000) cache.set(raw, compiled);
  }
  return compiled;
}

/** The syntax error of a FEEL expression (without the leading `=`), or undefined when it parses. */
export function feelSyntaxError(source: string): string | undefined {
  try {
    const tree = parseExpression(source, {}, undefined);
    let error: string | undefined;
    tree.iterate({
      enter(node) {
        if (node.type.isError && !error) error = `syntax error at ${node.from} in '${source}'`;
      },
    });
    return error;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function staticValue(raw: string): Expression {
  return { source: raw, isFeel: false, evaluate: () => raw };
}

function compileFeel(source: string): Expression {
  const fast = fastPath(source);
  return {
    source,
    isFeel: true,
    evaluate(context) {
      if (fast) {
        const value = fast(context);
        if (value !== SLOW) return value;
      }
      return evaluateFeel(source, context);
    },
  };
}

const SLOW = Symbol('slow');

/** Common shapes (a path, a literal, `path op literal`) skip the interpreter; anything odd falls back to it. */
function fastPath(source: string): ((context: Variables) => unknown) | undefined {
  if (NUMBER.test(source)) {
    const n = Number(source);
    return () => n;
  }
  const str = STRING.exec(source);
  if (str) return () => str[1];
  if (PATH.test(source) && !KEYWORDS.has(source.split('.')[0])) {
    const parts = source.split('.');
    return (context) => readPath(context, parts);
  }
  const cmp = COMPARISON.exec(source);
  if (cmp && PATH.test(cmp[1]) && !KEYWORDS.has(cmp[1].split('.')[0])) {
    const parts = cmp[1].split('.');
    const op = cmp[2];
    const literal: unknown = cmp[3].startsWith('"') ? cmp[3].slice(1, -1) : cmp[3] === 'true' ? true : cmp[3] === 'false' ? false : Number(cmp[3]);
    return (context) => {
      const left = readPath(context, parts);
      if (left === SLOW || typeof left !== typeof literal) return SLOW;
      return compare(left as number | string | boolean, op, literal as number | string | boolean);
    };
  }
  return undefined;
}

function readPath(context: Variables, parts: string[]): unknown {
  let value: unknown = context;
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return SLOW;
    if (!Object.prototype.hasOwnProperty.call(value, part)) return SLOW;
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined ? null : value;
}

function compare(left: number | string | boolean, op: string, right: number | string | boolean): boolean | typeof SLOW {
  switch (op) {
    case '=': return left === right;
    case '!=': return left !== right;
    case '<': return typeof left === 'boolean' ? SLOW : left < right;
    case '<=': return typeof left === 'boolean' ? SLOW : left <= right;
    case '>': return typeof left === 'boolean' ? SLOW : left > right;
    default: return typeof left === 'boolean' ? SLOW : left >= right;
  }
}

function evaluateFeel(source: string, context: Variables): unknown {
  let result;
  try {
    result = evaluate(source, context);
  } catch (e) {
    const reason = budgetExceeded(e);
    if (reason) throw new FeelBudgetError(source, reason);
    throw new FeelError(`failed to evaluate '${source}': ${e instanceof Error ? e.message : String(e)}`);
  }
  return toJson(result.value);
}

function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? null : value;
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null || Array.isArray(value)) {
    return JSON.parse(JSON.stringify(value)) as unknown;
  }
  return String(value);
}
