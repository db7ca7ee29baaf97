import type { Incident, UserTask, Variables } from './types';

/** Emitted when a user task is created. */
export interface UserTaskCreatedEvent { type: 'userTask.created'; task: UserTask }
/** Emitted when a user task's assignee changes. */
export interface UserTaskAssignedEvent { type: 'userTask.assigned'; task: UserTask }
/** Emitted when a user task is completed. */
export interface UserTaskCompletedEvent { type: 'userTask.completed'; task: UserTask; variables: Variables }
/** Emitted when a user task ends without completion (boundary event, cancel, terminate). */
export interface UserTaskCancelledEvent { type: 'userTask.cancelled'; task: UserTask }
/** Emitted when an incident is raised. */
export interface IncidentRaisedEvent { type: 'incident.raised'; incident: Incident }
/** Emitted when an incident is resolved. */
export interface IncidentResolvedEvent { type: 'incident.resolved'; incident: Incident }
/** Emitted when a process instance completes normally. */
export interface InstanceCompletedEvent { type: 'instance.completed'; processInstanceKey: string; bpmnProcessId: string; variables: Variables }
/** Emitted when a process instance is terminated (cancel or terminate end event). */
export interface InstanceTerminatedEvent { type: 'instance.terminated'; processInstanceKey: string; bpmnProcessId: string }
/** Emitted when a process instance is created. */
export interface InstanceCreatedEvent { type: 'instance.created'; processInstanceKey: string; bpmnProcessId: string; version: number; variables: Variables }
/** Emitted when a flow element is activated. */
export interface ElementActivatedEvent {
  type: 'element.activated'; processInstanceKey: string; bpmnProcessId: string; elementId: string; at: number;
  /** Identifies this activation; its completion carries the same key. Engines that cannot tell leave it out. */
  elementInstanceKey?: string;
}
/** Emitted when a flow element completes. */
export interface ElementCompletedEvent {
  type: 'element.completed'; processInstanceKey: string; bpmnProcessId: string; elementId: string; at: number;
  /** The key its activation carried. */
  elementInstanceKey?: string;
}

/** Emitted when a message is published or correlated; `processInstanceKey` is the first instance it reached, if any. */
export interface MessagePublishedEvent {
  type: 'message.published'; messageKey: string; name: string; correlationKey: string;
  /** 'correlate' for a correlation that buffers nothing (correlateMessage), else 'publish'. */
  mode: 'publish' | 'correlate';
  messageId?: string; processInstanceKey?: string;
}

/** Every event the engine emits. */
export type EngineEvent =
  | UserTaskCreatedEvent | UserTaskAssignedEvent | UserTaskCompletedEvent | UserTaskCancelledEvent
  | IncidentRaisedEvent | IncidentResolvedEvent
  | InstanceCreatedEvent | InstanceCompletedEvent | InstanceTerminatedEvent
  | ElementActivatedEvent | ElementCompletedEvent
  | MessagePublishedEvent;

/** The name of an event type. */
export type EngineEventType = EngineEvent['type'];

/** The event of a given type. */
export type EventOf<T extends EngineEventType> = Extract<EngineEvent, { type: T }>;

/**
 * What a listener gets beside the event. The embedded engine runs listeners inside the
 * step's transaction (awaiting them before commit; a throw rolls the step back) and puts
 * the store's transaction handle (a TypeORM EntityManager for the SQL store) in
 * `transaction`. Engines without shared transactions (Zeebe) leave it undefined.
 */
export interface EventContext {
  transaction?: unknown;
}

/** An event listener. */
export type EngineListener<T extends EngineEventType> = (event: EventOf<T>, ctx: EventContext) => void | Promise<void>;

/** Removes a listener. */
export type Unsubscribe = () => void;
