import { dateAndTime, duration, FeelDate, FeelDateTime, FeelDuration, FeelTime, parseDate, time } from 'feelin';
import { childrenNamed, type XmlElement } from './xml';

const attribute = (element: XmlElement, local: string) => Object.entries(element.attributes).find(([k]) => k === local || k.endsWith(`:${local}`))?.[1];

/** Reads a test case value (a typed simple value, components of a context, or a list) as a FEEL value. */
export function readValue(element: XmlElement | undefined): unknown {
  if (!element) return null;
  const value = childrenNamed(element, 'value')[0];
  if (value) return simpleValue(value);
  const list = childrenNamed(element, 'list')[0];
  if (list) return attribute(list, 'nil') === 'true' ? null : childrenNamed(list, 'item').map(readValue);
  const components = childrenNamed(element, 'component');
  if (components.length > 0) return Object.fromEntries(components.map((c) => [c.attributes.name, readValue(c)]));
  return null;
}

function simpleValue(value: XmlElement): unknown {
  try {
    return typedValue(value);
  } catch {
    return `unreadable ${value.text}`;
  }
}

function typedValue(value: XmlElement): unknown {
  if (attribute(value, 'nil') === 'true') return null;
  const text = value.text;
  const type = attribute(value, 'type')?.replace(/^.*:/, '');
  switch (type) {
    case 'decimal': case 'double': case 'float': case 'integer': case 'int': case 'long': case 'short':
      return Number(text.trim());
    case 'boolean': return text.trim() === 'true';
    case 'date': return parseDate(text.trim());
    case 'dateTime': return dateAndTime(text.trim());
    case 'time': return time(text.trim());
    case 'duration': case 'dayTimeDuration': case 'yearMonthDuration': return duration(text.trim());
    default: return text;
  }
}

const isTemporal = (v: unknown) => v instanceof FeelDate || v instanceof FeelTime || v instanceof FeelDateTime || v instanceof FeelDuration;
const isContext = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** Whether an evaluated value is the expected one: numbers to 1e-9 relative (FEEL decimals are JS numbers here), temporals by their ISO form. */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (typeof expected === 'number') return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (isTemporal(expected)) return isTemporal(actual) && actual!.constructor === expected.constructor && String(actual) === String(expected);
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => sameValue(actual[i], e));
  if (isContext(expected)) {
    if (!isContext(actual)) return false;
    const keys = Object.keys(expected);
    return keys.length === Object.keys(actual).length && keys.every((k) => k in actual && sameValue(actual[k], expected[k]));
  }
  return actual === expected;
}

/** A short rendering of a value for the failure list. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (isTemporal(value)) return `${value!.constructor.name}(${String(value)})`;
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'object' && v !== null && isTemporal(v) ? String(v) : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
