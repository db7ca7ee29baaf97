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
