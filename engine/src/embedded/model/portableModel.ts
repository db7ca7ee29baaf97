import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { compileExpression, type Expression } from '../feel/Expression';
import type { ElementDef, ProcessModel } from './ProcessModel';

/** A compiled model as JSON text (expressions by their source), so it can cross a thread boundary cheaply. */
export type PortableModel = string & { readonly __portable: true };

const isExpression = (value: unknown): value is Expression => typeof value === 'object' && value !== null && typeof (value as Expression).evaluate === 'function' && typeof (value as Expression).isFeel === 'boolean';

/** Elements revived between two turns of the event loop. */
const SLICE = 100;

/** Writes a model as JSON text, expressions as `{ $expression }`. */
export function toPortable(model: ProcessModel): PortableModel {
  return JSON.stringify({ ...model, elements: [...model.elements] }, (_key, value: unknown) => (isExpression(value) ? { $expression: value.isFeel ? `=${value.source}` : value.source } : value)) as PortableModel;
}

/**
 * Reads a portable model back, a slice of elements per turn of the event loop, and each
 * expression compiles on its first evaluation: a large model has thousands, and reviving
 * them in one go would hold the event loop for as long as the worker spared it.
 */
export async function fromPortable(text: PortableModel): Promise<ProcessModel> {
  const plain = JSON.parse(text) as Omit<ProcessModel, 'elements'> & { elements: Array<[string, ElementDef]> };
  const elements = new Map<string, ElementDef>();
  for (let i = 0; i < plain.elements.length; i++) {
    if (i > 0 && i % SLICE === 0) await yieldToLoop();
    const [id, def] = plain.elements[i];
    elements.set(id, revive(def) as ElementDef);
  }
  return { ...plain, elements };
}

function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { $expression?: unknown }).$expression === 'string') return lazyExpression((value as { $expression: string }).$expression);
  if (Array.isArray(value)) return value.map(revive);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = revive((value as Record<string, unknown>)[key]);
  return out;
}

function lazyExpression(raw: string): Expression {
  const isFeel = raw.startsWith('=');
  let compiled: Expression | undefined;
  return {
    source: isFeel ? raw.slice(1).trim() : raw,
    isFeel,
    evaluate: (context) => (compiled ??= compileExpression(raw)).evaluate(context),
  };
}
