import type { InstanceState } from './types';

/** Which process instances a search answers; all given fields must match. */
export interface InstanceFilter {
  processInstanceKey?: string;
  bpmnProcessId?: string;
  processDefinitionKey?: string;
  version?: number;
  state?: InstanceState;
  parentProcessInstanceKey?: string;
  hasIncident?: boolean;
}

/** A process instance as a search lists it, without its variables and history. */
export interface InstanceSummary {
  processInstanceKey: string;
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  state: InstanceState;
  /** Epoch ms by the engine clock. */
  startedAt: number;
  /** Set once the instance completed or was terminated. */
  endedAt?: number;
  hasIncident: boolean;
  parentProcessInstanceKey?: string;
}

/** The life-cycle state of an element instance. */
export type ElementInstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

/** Which element instances a search answers; all given fields must match. */
export interface ElementInstanceFilter {
  processInstanceKey?: string;
  elementInstanceKey?: string;
}

/** One activation of a flow element inside a process instance, live or ended. */
export interface ElementInstanceSummary {
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  elementId: string;
  elementName?: string;
  /** The BPMN element type (UserTask, BusinessRuleTask, …), or MultiInstanceBody for the body around the inner instances. */
  elementType: string;
  state: ElementInstanceState;
  /** Epoch ms by the engine clock. */
  startedAt: number;
  endedAt?: number;
  /** The open incident on this element instance. */
  incidentKey?: string;
}

/** Which variables a search answers; all given fields must match. */
export interface VariableFilter {
  processInstanceKey?: string;
  /** A process instance key (its top scope) or an element instance key. */
  scopeKey?: string;
  variableKey?: string;
}

/** A variable in one scope: the process instance's top scope or a live element instance's local scope. */
export interface VariableSummary {
  /** A stable int64 key derived from the scope key and the name. */
  variableKey: string;
  name: string;
  value: unknown;
  scopeKey: string;
  processInstanceKey: string;
}
