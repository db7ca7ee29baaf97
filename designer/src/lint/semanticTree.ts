import type { ModdleElement } from 'bpmn-moddle';

/** A plain, ordered view of a moddle tree: what a diagram means, independent of the XML's formatting. */
export type SemanticNode = { $type: string; [property: string]: unknown };

function isElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && '$type' in value;
}

function normalize(value: unknown, isReference: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => normalize(item, isReference));
    // Contained elements with ids (flow elements, diagram shapes) mean the same in any order; bpmn-js reorders shapes.
    const byId = !isReference && value.every((item) => isElement(item) && typeof item.id === 'string');
    return byId ? items.sort((a, b) => String((a as SemanticNode).id).localeCompare(String((b as SemanticNode).id))) : items;
  }
  if (isElement(value)) return isReference ? `#${String(value.id)}` : semanticTree(value);
  return value;
}

/**
 * Every set property of `element` and its children, references reduced to ids, identified children
 * sorted by id, plus attributes of unknown namespaces (such as Camunda Modeler's `modeler:*`);
 * namespace declarations are left out. Lists without ids (waypoints, io mappings) keep their order.
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
