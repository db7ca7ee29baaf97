import type { ModdleElement } from 'bpmn-moddle';

/** A plain, ordered view of a moddle tree: what a diagram means, independent of the XML's formatting. */
export type SemanticNode = { $type: string; [property: string]: unknown };

function isElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && '$type' in value;
}

function normalize(value: unknown, isReference: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => normalize(item, isReference));
  if (isElement(value)) return isReference ? `#${String(value.id)}` : semanticTree(value);
  return value;
}

/**
 * Every set property of `element` and its children, references reduced to ids, plus attributes
 * of unknown namespaces (such as Camunda Modeler's `modeler:*`); namespace declarations are left out.
 */
export function semanticTree(element: ModdleElement): SemanticNode {
  const node: SemanticNode = { $type: element.$type };
  for (const property of element.$descriptor.properties) {
    const value = element[property.name];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    node[property.name] = normalize(value, property.isReference === true);
  }
  const attrs = Object.entries((element.$attrs ?? {}) as Record<string, string>).filter(([name]) => !name.startsWith('xmlns'));
  if (attrs.length) node.$attrs = Object.fromEntries(attrs.sort(([a], [b]) => a.localeCompare(b)));
  return node;
}
