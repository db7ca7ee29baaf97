import type { ModdleElement } from 'bpmn-moddle';

/** The first extension element of `type` (e.g. `zeebe:TaskDefinition`) on `element`, if any. */
export function extensionOf(element: ModdleElement, type: string): ModdleElement | undefined {
  const extensions = element.extensionElements as { values?: ModdleElement[] } | undefined;
  return extensions?.values?.find((value) => value.$instanceOf(type));
}

/** Whether an attribute holds something other than blanks. */
export function isFilled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
