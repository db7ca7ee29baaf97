/** Process variables: a JSON object. */
export type Variables = Record<string, unknown>;

/** A BPMN (or other) resource to deploy: a file name and its text content. */
export interface Resource {
  name: string;
  content: string;
}

/** One deployed process definition. */
export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
}

/** One deployed decision (a DMN decision table or literal expression). */
export interface DeployedDecision {
  decisionId: string;
  version: number;
  decisionKey: string;
  resourceName: string;
}

/** One deployed form (a Camunda form or one of our JSON-Schema forms), linked from user tasks by its id. */
export interface DeployedForm {
  formId: string;
  version: number;
  formKey: string;
  resourceName: string;
}

/** A deployed form with its content, as a task application reads it to render the form. */
export interface FormDefinition extends DeployedForm {
  /** The form's JSON document as deployed. */
  schema: Record<string, unknown>;
}

/** The result of a deployment. */
export interface Deployment {
  key: string;
  processes: DeployedProcess[];
  decisions?: DeployedDecision[];
  forms?: DeployedForm[];
}

/** Options of createInstance. */
export interface CreateInstanceOptions {
  /** A specific version; the latest when omitted. */
  version?: number;
  /** Start instructions: activate these elements of the process instead of its none start event. */
  startElementIds?: string[];
}

/** A reference to a started process instance. */
export interface InstanceRef {
  processInstanceKey: string;
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
}

/** A message to correlate (Zeebe semantics: name + correlation key, buffered for timeToLive ms). */
export interface Message {
  name: string;
  correlationKey: string;
  variables?: Variables;
  /** Milliseconds the message stays buffered for subscriptions opened later; 0 by default. */
  timeToLive?: number;
  /** Deduplicates: a second message with the same name and id while the first is buffered is ignored. */
  messageId?: string;
}

/** A message correlated now: its key and the first process instance it reached. */
export interface MessageCorrelation {
  messageKey: string;
  processInstanceKey: string;
}

/** The life-cycle state of a process instance. */
export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

/** The state an element entered, as recorded in history. */
export type ElementState = 'ACTIVATED' | 'COMPLETED' | 'TERMINATED';

/** One history entry of an instance. */
export interface HistoryEntry {
  elementId: string;
  state: ElementState;
  /** Epoch milliseconds by the engine clock. */
  at: number;
  /** The element instance this entry belongs to, where the engine names it (over the wire it does). */
  elementInstanceKey?: string;
}

/** The kind of problem an incident reports. */
export type IncidentType = 'JOB_NO_RETRIES' | 'EXTRACT_VALUE_ERROR' | 'CONDITION_ERROR' | 'UNHANDLED_ERROR_EVENT' | 'CALLED_ELEMENT_ERROR' | 'IO_MAPPING_ERROR' | 'DECISION_EVALUATION_ERROR' | 'TASK_LISTENER_NO_RETRIES';

/** An incident: an instance is stuck until the cause is fixed and the incident resolved. */
export interface Incident {
  key: string;
  processInstanceKey: string;
  elementId: string;
  type: IncidentType;
  message: string;
  /** Set when the incident belongs to a job (no retries left). */
  jobKey?: string;
  createdAt: number;
}

/** A process instance as the API shows it. */
export interface InstanceDetails {
  processInstanceKey: string;
  bpmnProcessId: string;
  version: number;
  state: InstanceState;
  variables: Variables;
  history: HistoryEntry[];
  incidents: Incident[];
  parentProcessInstanceKey?: string;
}

/** The state of a user task. */
export type UserTaskState = 'CREATED' | 'COMPLETED' | 'CANCELED';

/** A user task (zeebe:userTask) waiting for, or done by, a person. */
export interface UserTask {
  key: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  name?: string;
  state: UserTaskState;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  /** zeebe:formDefinition formKey or formId. */
  formKey?: string;
  formId?: string;
  /** zeebe:formDefinition externalReference: a form the application resolves itself (ours: a JSON-Schema form id). */
  externalFormReference?: string;
  /** ISO 8601 date-times from zeebe:taskSchedule. */
  dueDate?: string;
  followUpDate?: string;
  priority: number;
  /** The variables visible to the task (its scope chain, flattened). */
  variables: Variables;
  createdAt: number;
}

/** A filter for searchUserTasks; all given fields must match. */
export interface UserTaskFilter {
  processInstanceKey?: string;
  state?: UserTaskState;
  elementId?: string;
}
