import type { TFunction } from 'i18next';

/** Names an element of one process for a person. */
export type ElementNamer = (elementId: string) => string;

/** The names a diagram gives its elements, by id; elements without a name are left out. */
export function diagramNames(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  for (const element of Array.from(document.getElementsByTagName('*'))) {
    const id = element.getAttribute('id');
    const name = element.getAttribute('name')?.replace(/\s+/g, ' ').trim();
    if (id && name) names.set(id, name);
  }
  return names;
}

/**
 * Names the elements of a process: in the UI language where a translation is kept
 * (`elements.<processId>.<elementId>`), else as the diagram names them, else by id.
 */
export function elementNamer(t: TFunction, bpmnProcessId: string, names: ReadonlyMap<string, string> = new Map()): ElementNamer {
  return (elementId) => {
    if (elementId === bpmnProcessId) return t('instances.history.process');
    return t(`elements.${bpmnProcessId}.${elementId}`, { defaultValue: names.get(elementId) ?? elementId });
  };
}
