import type { DecisionTable, Rule } from './DecisionModel';
import { FeelDate, FeelDateTime, FeelDuration, FeelFunction, FeelTime } from 'feelin';
import type { ModdleElement } from '../model/moddle';
import { testInput } from './feelValues';

/** A type an item definition declares: a base type or components, maybe a collection, maybe constrained. */
export interface ItemType {
  typeRef?: string;
  components?: Array<{ name: string; type: ItemType }>;
  isCollection: boolean;
  allowedValues?: string;
  isFunction?: boolean;
  /** For a function type: the type of its result. */
  outputTypeRef?: string;
}

/** The item definitions of a model by name, and whether values that do not conform become null. */
export interface TypeScope {
  types: Map<string, ItemType>;
  /** Off in the engine: a result that does not conform to its typeRef is kept (as Zeebe does), only unwrapped from a singleton list. */
  strict: boolean;
  /** Told which rules of a table matched, for explaining a decision; evaluation does not depend on it. */
  onMatched?: (table: DecisionTable, matched: Rule[]) => void;
}

/** Reads an item definition (or component) into an item type. */
export function itemTypeOf(node: ModdleElement): ItemType {
  const components = (node.itemComponent as ModdleElement[] | undefined)?.map((c) => ({ name: String(c.name), type: itemTypeOf(c) }));
  return {
    typeRef: (node.typeRef as string | undefined)?.trim() || undefined,
    components: components?.length ? components : undefined,
    isCollection: node.isCollection === true,
    allowedValues: String((node.allowedValues as ModdleElement | undefined)?.text ?? '').trim() || undefined,
    isFunction: !!node.functionItem,
    outputTypeRef: (node.functionItem as ModdleElement | undefined)?.outputTypeRef as string | undefined,
  };
}

const BUILTIN: Record<string, (v: unknown) => boolean> = {
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  date: (v) => v instanceof FeelDate,
  time: (v) => v instanceof FeelTime,
  'date and time': (v) => v instanceof FeelDateTime,
  dateTime: (v) => v instanceof FeelDateTime,
  'days and time duration': (v) => v instanceof FeelDuration && !v.yearsMonths,
  dayTimeDuration: (v) => v instanceof FeelDuration && !v.yearsMonths,
  'years and months duration': (v) => v instanceof FeelDuration && v.yearsMonths,
  yearMonthDuration: (v) => v instanceof FeelDuration && v.yearsMonths,
  context: (v) => isContext(v),
  list: (v) => Array.isArray(v),
  function: (v) => isFunctionValue(v),
};

const isFunctionValue = (v: unknown) => v instanceof FeelFunction || typeof v === 'function' || typeof (v as { invoke?: unknown } | null)?.invoke === 'function';
const isContext = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** Whether a value conforms to a typeRef; undefined when the type is unknown (and so not checked). */
function conforms(value: unknown, typeRef: string | undefined, scope: TypeScope, depth = 0): boolean | undefined {
  if (value === null || value === undefined || !typeRef || depth > 20) return true;
  const name = typeRef.replace(/^(feel|xsd|FEEL):/, '');
  if (name === 'Any' || name === 'any') return true;
  const builtin = BUILTIN[name];
  if (builtin) return builtin(value);
  const type = scope.types.get(name) ?? scope.types.get(name.replace(/^[\w-]+\./, ''));
  return type ? conformsToItem(value, type, scope, depth + 1) : undefined;
}

function conformsToItem(value: unknown, type: ItemType, scope: TypeScope, depth: number): boolean | undefined {
  if (type.isCollection) {
    if (!Array.isArray(value)) return false;
    return value.every((v) => conformsToItem(v, { ...type, isCollection: false }, scope, depth) !== false);
  }
  if (type.isFunction) return isFunctionValue(value);
  if (type.components) {
    if (!isContext(value)) return false;
    return type.components.every((c) => c.name in value && conformsToItem(value[c.name], c.type, scope, depth + 1) !== false);
  }
  const base = conforms(value, type.typeRef, scope, depth);
  if (base === false) return false;
  if (type.allowedValues && !testInput(type.allowedValues, value, {})) return false;
  return base;
}

/**
 * Coerces a value to a typeRef (DMN 1.3 type conversions): a singleton list of a conforming
 * item is unwrapped, a conforming item where a collection is declared is wrapped; a value that
 * still does not conform is null in strict scope and kept otherwise.
 */
export function coerceValue(value: unknown, typeRef: string | undefined, scope: TypeScope): unknown {
  if (!typeRef || value === null || value === undefined) return value ?? null;
  const fits = conforms(value, typeRef, scope);
  if (fits !== false) return value;
  if (Array.isArray(value) && value.length === 1 && conforms(value[0], typeRef, scope) === true) return value[0];
  if (!Array.isArray(value) && isCollectionType(typeRef, scope) && conforms([value], typeRef, scope) === true) return [value];
  return scope.strict ? null : value;
}

/** The arguments coerced to their parameters' types; undefined (the call is null) when one does not conform under strict typing. */
export function coerceArguments(args: unknown[], typeRefs: Array<string | undefined>, scope: TypeScope): unknown[] | undefined {
  const values = typeRefs.map((typeRef, i) => coerceValue(args[i] ?? null, typeRef, scope));
  if (scope.strict && values.some((v, i) => v === null && args[i] !== null && args[i] !== undefined)) return undefined;
  return values.length >= args.length ? values : [...values, ...args.slice(values.length)];
}

/** The type a function's result must have: the output type of a function item type, else the typeRef itself. */
export function resultTypeOf(typeRef: string | undefined, scope: TypeScope): string | undefined {
  const type = typeRef ? scope.types.get(typeRef) : undefined;
  return type?.isFunction ? type.outputTypeRef : typeRef;
}

function isCollectionType(typeRef: string, scope: TypeScope): boolean {
  return scope.types.get(typeRef)?.isCollection === true;
}

/**
 * The item definitions as values FEEL's `instance of` can test against: for a name it does
 * not know, it checks `value instanceof` what the context binds, so each type is bound to a
 * function whose instances are the values that conform to it. Variables keep their names.
 */
export function typeTests(scope: TypeScope, context: Record<string, unknown>): Record<string, unknown> {
  const tests: Record<string, unknown> = {};
  for (const name of scope.types.keys()) {
    if (name in context) continue;
    const test = function itemType() { /* only tested against, never called */ };
    Object.defineProperty(test, Symbol.hasInstance, { value: (v: unknown) => conforms(v, name, scope) === true });
    tests[name] = test;
  }
  return tests;
}
