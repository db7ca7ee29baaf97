import type { TFunction } from 'i18next';

/**
 * A task's name in the UI language: the translation kept under `elements.<processId>.<elementId>`,
 * else the name the BPMN gives the element (processes deployed later may bring no translation).
 */
export function taskName(t: TFunction, task: { bpmnProcessId: string; elementId: string; name: string }): string {
  return t(`elements.${task.bpmnProcessId}.${task.elementId}`, { defaultValue: task.name });
}
