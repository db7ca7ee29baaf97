import type { TFunction } from 'i18next';

/** An element's name in the UI language (kept under `elements.<processId>.<elementId>`), else its id. */
export function elementName(t: TFunction, bpmnProcessId: string, elementId: string): string {
  if (elementId === bpmnProcessId) return t('instances.history.process');
  return t(`elements.${bpmnProcessId}.${elementId}`, { defaultValue: elementId });
}
