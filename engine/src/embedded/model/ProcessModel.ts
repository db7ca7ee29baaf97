import type { StartFormLink, TaskListenerEventType } from '../../port';
import type { Expression } from '../feel/Expression';

/** The element kinds the embedded engine executes. */
export type ElementKind =
  | 'startEvent' | 'endEvent' | 'userTask' | 'serviceTask' | 'scriptTask' | 'receiveTask' | 'task' | 'manualTask'
  | 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'eventBasedGateway'
  | 'intermediateCatchEvent' | 'intermediateThrowEvent' | 'boundaryEvent' | 'subProcess' | 'callActivity';

/** A variable mapping of zeebe:ioMapping. */
export interface Mapping {
  source: Expression;
  target: string;
}

/** A user task listener of zeebe:taskListeners: a job of its type for each transition of its event type. */
export interface TaskListenerDef {
  eventType: TaskListenerEventType;
  type: Expression;
  retries: Expression;
}

/** A sequence flow. */
export interface FlowDef {
  id: string;
  targetId: string;
  condition?: Expression;
}

/** The event definition of an event element. */
export type EventDef =
  | { kind: 'timer'; timer: 'duration' | 'date' | 'cycle'; value: Expression }
  | { kind: 'message'; name: Expression; correlationKey?: Expression }
  | { kind: 'signal'; name: Expression }
  | { kind: 'error'; errorCode?: string }
  | { kind: 'terminate' };

/** One compiled flow element. */
export interface ElementDef {
  id: string;
  kind: ElementKind;
  /** The BPMN element type without its prefix (BusinessRuleTask, SendTask), where kinds share a behaviour. */
  bpmnType?: string;
  name?: string;
  /** The containing subprocess; undefined for top-level elements. */
  parentId?: string;
  /** Ids of the incoming sequence flows. */
  incoming: string[];
  outgoing: FlowDef[];
  defaultFlow?: string;
  inputs: Mapping[];
  outputs: Mapping[];
  event?: EventDef;
  /** Boundary events attached to this activity. */
  boundaries: string[];
  attachedTo?: string;
  /** Boundary events: interrupting; start events of event subprocesses: isInterrupting. */
  cancelActivity?: boolean;
  job?: { type: Expression; retries: Expression; headers: Record<string, string> };
  userTask?: {
    assignee?: Expression; candidateGroups?: Expression; candidateUsers?: Expression;
    formKey?: string; formId?: string; externalReference?: string; dueDate?: Expression; followUpDate?: Expression; priority?: Expression;
    /** zeebe:taskListeners, in their order. */
    listeners?: TaskListenerDef[];
  };
  script?: { expression: Expression; resultVariable?: string };
  /** A start event's form, linked by id or embedded by key (zeebe:formDefinition formId or formKey). */
  startForm?: StartFormLink;
  /** A business rule task that evaluates a deployed decision (zeebe:calledDecision) instead of creating a job. */
  decision?: { decisionId: Expression; resultVariable: string };
  /** For a subprocess: its none start event; for an event subprocess: its start event. */
  startId?: string;
  /** An event subprocess: started by its start event's trigger while its containing scope is active. */
  triggeredByEvent?: boolean;
  /** For a subprocess: the event subprocesses directly inside it. */
  eventSubprocesses?: string[];
  called?: { processId: Expression; propagateAllChildVariables: boolean };
  multiInstance?: {
    sequential: boolean; inputCollection: Expression; inputElement?: string;
    outputCollection?: string; outputElement?: Expression;
  };
}

/** A compiled executable process, cached per definition key. */
export interface ProcessModel {
  bpmnProcessId: string;
  elements: Map<string, ElementDef>;
  /** The process's none start event. */
  noneStartId?: string;
  /** The form of the none start event, which a task app shows to start the process. */
  startForm?: StartFormLink;
  timerStarts: string[];
  messageStarts: string[];
  /** The event subprocesses at the top level of the process. */
  eventSubprocesses?: string[];
  /** Top-level signal start events (absent in models compiled before signals). */
  signalStarts?: string[];
}
