import { dateAndTime, duration, evaluate, FeelDate, FeelDateTime, FeelDuration, FeelTime, parseDate, time, unaryTest } from 'feelin';
import { budgetExceeded } from '../feel/budget';

/** A FEEL expression that cannot be parsed, or an input value that does not fit its column's type. */
export class FeelEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeelEvaluationError';
  }
}

/** The error for a failed evaluation; one stopped by the work budget says so ("expression too expensive"). */
function evaluationError(what: string, cause: unknown): FeelEvaluationError {
  const reason = budgetExceeded(cause);
  return new FeelEvaluationError(`${what}: ${reason ? `expression too expensive: ${reason}` : cause instanceof Error ? cause.message : String(cause)}`);
}

/** Evaluates FEEL against a context of FEEL values and returns a FEEL value (dates stay dates); runtime errors give null. */
export function evaluateFeel(text: string, context: Record<string, unknown>): unknown {
  const fast = literalOrName(text, context);
  if (fast !== SLOW) return fast;
  try {
    return evaluate(text, context).value ?? null;
  } catch (e) {
    throw evaluationError(`cannot evaluate '${text}'`, e);
  }
}

/** Tests an input value (bound as `?`) against the unary tests of a rule entry. */
export function testInput(entry: string, input: unknown, context: Record<string, unknown>): boolean {
  const fast = simpleTest(entry, input);
  if (fast !== SLOW) return fast;
  try {
    return unaryTest(entry, { ...context, '?': input }).value === true;
  } catch (e) {
    throw evaluationError(`cannot test '${entry}'`, e);
  }
}

/** FEEL equality of two values (dates by value, contexts by entries); values of different types are not equal. */
export function feelEquals(a: unknown, b: unknown): boolean {
  return evaluate('a = b', { a, b }).value === true;
}

const SLOW = Symbol('slow');
const NUMBER = /^-?\d+(\.\d+)?$/;
const TEXT = /^"([^"\\]*)"$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(['true', 'false', 'null', 'not', 'and', 'or', 'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'between', 'instance', 'of', 'function']);
const COMPARISON = /^(<=|>=|<|>)?\s*(-?\d+(?:\.\d+)?)$/;

/** The common shapes (a literal, a variable of the context) without the interpreter; SLOW when it is needed. */
function literalOrName(text: string, context: Record<string, unknown>): unknown {
  if (NUMBER.test(text)) return Number(text);
  const str = TEXT.exec(text);
  if (str) return str[1];
  if (NAME.test(text) && !KEYWORDS.has(text) && Object.prototype.hasOwnProperty.call(context, text)) return context[text] ?? null;
  return SLOW;
}

/** A text literal against text, or a number comparison against a number, without the interpreter. */
function simpleTest(entry: string, input: unknown): boolean | typeof SLOW {
  const str = TEXT.exec(entry);
  if (str && typeof input === 'string') return input === str[1];
  const cmp = COMPARISON.exec(entry);
  if (!cmp || typeof input !== 'number') return SLOW;
  const n = Number(cmp[2]);
  switch (cmp[1]) {
    case '<': return input < n;
    case '<=': return input <= n;
    case '>': return input > n;
    case '>=': return input >= n;
    default: return input === n;
  }
}

const ISO_DATE = /^-?\d{4,}-\d\d-\d\d$/;
const PARSERS: Record<string, { label: string; parse(text: string): unknown; is(value: unknown): boolean }> = {
  date: { label: 'a date', parse: (t) => (ISO_DATE.test(t) ? parseDate(t) : evaluate('date(v)', { v: dateAndTime(t) }).value), is: (v) => v instanceof FeelDate },
  time: { label: 'a time', parse: (t) => time(t), is: (v) => v instanceof FeelTime },
  dateTime: { label: 'a date and time', parse: (t) => dateAndTime(t) ?? null, is: (v) => v instanceof FeelDateTime },
  dayTimeDuration: { label: 'a days-and-time duration', parse: (t) => duration(t), is: (v) => v instanceof FeelDuration },
  yearMonthDuration: { label: 'a years-and-months duration', parse: (t) => duration(t), is: (v) => v instanceof FeelDuration },
};
const ALIASES: Record<string, string> = {
  'date and time': 'dateTime',
  'days and time duration': 'dayTimeDuration',
  'years and months duration': 'yearMonthDuration',
  duration: 'dayTimeDuration',
};

/**
 * Converts a JSON value to the FEEL type a typeRef names, so an ISO string in a date column
 * compares as a date, not as text. Only temporal typeRefs convert; a string that is not an
 * ISO value of that type is refused rather than silently never matching.
 */
export function coerceToType(value: unknown, typeRef: string | undefined, what: string): unknown {
  const key = typeRef ? (ALIASES[typeRef] ?? typeRef.replace(/^(feel|xsd):/, '')) : undefined;
  const parser = key ? PARSERS[key] : undefined;
  if (!parser || typeof value !== 'string') return value;
  let parsed: unknown;
  try {
    parsed = parser.parse(value.trim());
  } catch {
    parsed = null;
  }
  if (parsed === null || parsed === undefined || !parser.is(parsed)) throw new FeelEvaluationError(`${what} is '${value}', which is not ${parser.label} (ISO 8601)`);
  return parsed;
}

/** Turns a FEEL value into JSON for process variables: temporal values become their ISO text, functions null. */
export function toJson(value: unknown): unknown {
  if (value === undefined || typeof value === 'function') return null;
  if (value === null || typeof value !== 'object') return typeof value === 'number' && !Number.isFinite(value) ? null : value;
  if (Array.isArray(value)) return value.map(toJson);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Object.prototype || proto === null) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toJson(v)]));
  }
  const json = (value as { toJSON?: () => unknown }).toJSON;
  return typeof json === 'function' ? json.call(value) : null;
}
