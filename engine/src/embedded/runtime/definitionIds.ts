import type { DefinitionRecord } from '../store/EngineStore';

/**
 * Decisions are stored beside processes under this id prefix. A BPMN process id is an XML
 * NCName, which cannot contain ':', so a decision row never answers a process lookup.
 */
export const DECISION_PREFIX = 'dmn:';

/** Forms are stored beside processes under this id prefix, for the same reason. */
export const FORM_PREFIX = 'form:';

/** Whether a stored definition is a process (not a decision or a form stored beside them). */
export function isProcessDefinition(def: Pick<DefinitionRecord, 'bpmnProcessId'>): boolean {
  return !def.bpmnProcessId.includes(':');
}
