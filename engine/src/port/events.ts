import type { Incident, UserTask, Variables } from './types';

/**
 * What every event carries: `eventKey` names this occurrence, stably. The same event delivered
 * twice (a replayed step, a redelivered listener job, a search read again) has the same key,
 * so consumers can apply each event once. See `eventKeyOf`.
 */
export interface KeyedEvent { eventKey: string }

/** Emitted when a user task is created. */
export interface UserTaskCreatedEvent extends KeyedEvent { type: 'userTask.created'; task: UserTask }
/** Emitted when a user task's assignee changes. */
export interface UserTaskAssignedEvent extends KeyedEvent { type: 'userTask.assigned'; task: UserTask }
/** Emitted when a user task is completed. */
export interface UserTaskCompletedEvent extends KeyedEvent { type: 'userTask.completed'; task: UserTask; variables: Variables }
/** Emitted when a user task ends without completion (boundary event, cancel, terminate). */
export interface UserTaskCancelledEvent extends KeyedEvent { type: 'userTask.cancelled'; task: UserTask }
/** Emitted when an incident is raised. */
export interface IncidentRaisedEvent extends KeyedEvent { type: 'incident.raised'; incident: Incident }
/** Emitted when an incident is resolved. */
export interface IncidentResolvedEvent extends KeyedEvent { type: 'incident.resolved'; incident: Incident }
/** Emitted when a process instance completes normally. */
export interface InstanceCompletedEvent extends KeyedEvent { type: 'instance.completed'; processInstanceKey: string; bpmnProcessId: string; variables: Variables }
/** Emitted when a process instance is terminated (cancel or terminate end event). */
export interface InstanceTerminatedEvent extends KeyedEvent { type: 'instance.terminated'; processInstanceKey: string; bpmnProcessId: string }
/** Emitted when a process instance is created. */
export interface InstanceCreatedEvent extends KeyedEvent { type: 'instance.created'; processInstanceKey: string; bpmnProcessId: string; version: number; variables: Variables }
/** Emitted when a flow element is activated. */
export interface ElementActivatedEvent extends KeyedEvent {
  type: 'element.activated'; processInstanceKey: string; bpmnProcessId: string; elementId: string; at: number;
  /** Identifies this activation; its completion carries the same key. */
  elementInstanceKey: string;
}
/** Emitted when a flow element completes. */
export interface ElementCompletedEvent extends KeyedEvent {
  type: 'element.completed'; processInstanceKey: string; bpmnProcessId: string; elementId: string; at: number;
  /** The key its activation carried. */
  elementInstanceKey: string;
}

/** Emitted when a message is published or correlated; `processInstanceKey` is the first instance it reached, if any. */
export interface MessagePublishedEvent extends KeyedEvent {
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

/** An event as an engine builds it, before it is given its key. */
export type UnkeyedEvent = EngineEvent extends infer E ? (E extends EngineEvent ? Omit<E, 'eventKey'> : never) : never;

/**
 * The key of an event: the subject's key and its transition (`userTask.created:<taskKey>`,
 * `instance.completed:<instanceKey>`, `incident.raised:<incidentKey>`,
 * `element.activated:<elementInstanceKey>`, `message.published:<messageKey>`). A transition
 * that can happen more than once to the same task (assignment) adds `occurrence()`: a key the
 * engine gives that occurrence (the embedded engine's next key, the adapter's listener job key).
 */
export function eventKeyOf(event: UnkeyedEvent, occurrence: () => string): string {
  switch (event.type) {
    case 'userTask.assigned': return `${event.type}:${event.task.key}:${occurrence()}`;
    case 'userTask.created': case 'userTask.completed': case 'userTask.cancelled': return `${event.type}:${event.task.key}`;
    case 'incident.raised': case 'incident.resolved': return `${event.type}:${event.incident.key}`;
    case 'instance.created': case 'instance.completed': case 'instance.terminated': return `${event.type}:${event.processInstanceKey}`;
    case 'element.activated': case 'element.completed': return `${event.type}:${event.elementInstanceKey}`;
    case 'message.published': return `${event.type}:${event.messageKey}`;
  }
}

/** The event with its key. */
export function keyed(event: UnkeyedEvent, occurrence: () => string): EngineEvent {
  return { ...event, eventKey: eventKeyOf(event, occurrence) } as EngineEvent;
}

/**
 * An event listener. The embedded engine runs listeners inside the step's transaction
 * (awaiting them before commit; a throw rolls the step back) and hands them its store's
 * transaction handle beside the event (see `EmbeddedEngine.on`); over the wire there is none.
 */
export type EngineListener<T extends EngineEventType> = (event: EventOf<T>) => void | Promise<void>;

/** Removes a listener. */
export type Unsubscribe = () => void;
