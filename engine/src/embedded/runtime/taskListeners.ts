import type { JobResult, ListenerUserTask, TaskCorrections, TaskListenerEventType, UserTask, Variables } from '../../port';
import { EngineError } from '../../port';
import type { ElementInstance, InstanceRecord, WaitItem } from '../store/EngineStore';
import type { Step } from './Step';
import { visibleVariables } from './variables';

/** A user task listener configured for every user task of the engine (Camunda's global listeners). */
export interface GlobalTaskListener {
  /** The event types it listens to; 'all' for every one. */
  eventTypes?: Array<TaskListenerEventType | 'all'>;
  /** One event type (shorthand for eventTypes with one entry). */
  eventType?: TaskListenerEventType | 'all';
  type: string;
  /** Retries of its jobs; 3 by default. */
  retries?: number;
  /** Runs after the task's own listeners; by default global listeners run before them. */
  afterNonGlobal?: boolean;
}

/** A transition of a user task held while its listeners run, stored on the task's item. */
export interface TaskTransition {
  eventType: TaskListenerEventType;
  /** Camunda's action names: create, assign, claim, complete, cancel. */
  action: string;
  listeners: Array<{ type: string; retries: number }>;
  /** The listener whose job is open. */
  next: number;
  /** For assigning: the new assignee (null unassigns). */
  assignee?: string | null;
  /** For completing: the variables of the completion. */
  variables?: Variables;
  /** For canceling: the variables the task saw when its element went away. */
  snapshot?: Variables;
  corrections: TaskCorrections;
  changed: string[];
}

/** What a waiting command learns when a transition ends. */
export interface TaskOutcome {
  taskKey: string;
  /** Undefined when the transition went through. */
  rejection?: EngineError;
}

const CORRECTABLE: Record<keyof TaskCorrections, 'string' | 'list' | 'number'> = { assignee: 'string', dueDate: 'string', followUpDate: 'string', candidateUsers: 'list', candidateGroups: 'list', priority: 'number' };

/** The listeners of a transition: global ones first (or after, if so configured), then the task's own, in model order. */
export async function listenersFor(step: Step, rec: InstanceRecord, elementId: string, eventType: TaskListenerEventType, vars: Variables): Promise<TaskTransition['listeners']> {
  const globals = step.host.taskListeners?.() ?? [];
  const matches = (g: GlobalTaskListener) => [...(g.eventTypes ?? []), ...(g.eventType ? [g.eventType] : [])].some((t) => t === 'all' || t === eventType);
  const global = (after: boolean) => globals.filter((g) => matches(g) && (g.afterNonGlobal ?? false) === after).map((g) => ({ type: g.type, retries: g.retries ?? 3 }));
  const own = ((await step.model(rec)).elements.get(elementId)?.userTask?.listeners ?? []).filter((l) => l.eventType === eventType).map((l) => {
    const retries = Number(l.retries.evaluate(vars));
    return { type: String(l.type.evaluate(vars)), retries: Number.isFinite(retries) ? retries : 3 };
  });
  return [...global(false), ...own, ...global(true)];
}

/** Starts a transition on a task item when it has listeners: its first listener job is created. False when none listens. */
export async function startTransition(step: Step, rec: InstanceRecord, it: WaitItem, ei: ElementInstance | undefined, transition: Omit<TaskTransition, 'listeners' | 'next' | 'corrections'>): Promise<boolean> {
  const task = it.data.task as UserTask;
  const vars = transition.snapshot ?? (ei ? visibleVariables(rec, ei.id) : {});
  const listeners = await listenersFor(step, rec, task.elementId, transition.eventType, vars);
  if (listeners.length === 0) return false;
  const full: TaskTransition = { ...transition, listeners, next: 0, corrections: {} };
  it.data.transition = full;
  await step.tx.putItem(it, false);
  await createListenerJob(step, rec, it, ei, full);
  return true;
}

/** The task as its next listener sees it: the transition's change and the corrections so far applied. */
export function taskAsSeen(task: UserTask, t: TaskTransition): UserTask {
  const seen: UserTask = { ...task };
  if (t.eventType === 'assigning') {
    if (t.assignee === null || t.assignee === undefined) delete seen.assignee;
    else seen.assignee = t.assignee;
  }
  return applyCorrections(seen, t.corrections);
}

/** Applies corrections to a task. */
export function applyCorrections(task: UserTask, c: TaskCorrections): UserTask {
  if (c.assignee !== undefined) {
    if (c.assignee === '') delete task.assignee;
    else task.assignee = c.assignee;
  }
  if (c.dueDate !== undefined) task.dueDate = c.dueDate;
  if (c.followUpDate !== undefined) task.followUpDate = c.followUpDate;
  if (c.candidateUsers !== undefined) task.candidateUsers = c.candidateUsers;
  if (c.candidateGroups !== undefined) task.candidateGroups = c.candidateGroups;
  if (c.priority !== undefined) task.priority = c.priority;
  return task;
}

async function createListenerJob(step: Step, rec: InstanceRecord, it: WaitItem, ei: ElementInstance | undefined, t: TaskTransition): Promise<void> {
  const listener = t.listeners[t.next];
  const task = taskAsSeen(it.data.task as UserTask, t);
  const userTask: ListenerUserTask = {
    userTaskKey: task.key, action: t.action, candidateGroups: task.candidateGroups, candidateUsers: task.candidateUsers,
    changedAttributes: t.changed, priority: task.priority,
  };
  if (task.assignee) userTask.assignee = task.assignee;
  if (task.dueDate) userTask.dueDate = task.dueDate;
  if (task.followUpDate) userTask.followUpDate = task.followUpDate;
  if (task.formKey) userTask.formKey = task.formKey;
  const key = step.key();
  if (ei) (ei.waits ??= []).push(key);
  const data: Record<string, unknown> = {
    retries: listener.retries, elementId: task.elementId, bpmnProcessId: rec.bpmnProcessId, headers: listenerHeaders(userTask), worker: '',
    listener: { taskKey: task.key, eventType: t.eventType, userTask },
  };
  if (t.snapshot) data.variables = t.snapshot;
  await step.addItem({ key, kind: 'job', instanceKey: rec.key, elementInstanceId: it.elementInstanceId, name: listener.type, correlationKey: '', dueAt: step.now, data });
}

/** The user task's data as custom headers, named as Camunda names them, so workers that read headers find it. */
function listenerHeaders(u: ListenerUserTask): Record<string, string> {
  const h: Record<string, string> = {
    'io.camunda.zeebe:userTaskKey': u.userTaskKey, 'io.camunda.zeebe:action': u.action, 'io.camunda.zeebe:priority': String(u.priority),
    'io.camunda.zeebe:candidateGroups': JSON.stringify(u.candidateGroups), 'io.camunda.zeebe:candidateUsers': JSON.stringify(u.candidateUsers),
    'io.camunda.zeebe:changedAttributes': JSON.stringify(u.changedAttributes),
  };
  if (u.assignee) h['io.camunda.zeebe:assignee'] = u.assignee;
  if (u.dueDate) h['io.camunda.zeebe:dueDate'] = u.dueDate;
  if (u.followUpDate) h['io.camunda.zeebe:followUpDate'] = u.followUpDate;
  if (u.formKey) h['io.camunda.zeebe:formKey'] = u.formKey;
  return h;
}

/** Checks a listener job's completion as Camunda does: no variables, no denial of creating or canceling, corrections of known fields. */
export function checkListenerResult(eventType: TaskListenerEventType, jobKey: string, variables: Variables, result: JobResult | undefined): TaskCorrections {
  if (Object.keys(variables).length > 0) throw new EngineError('INVALID_ARGUMENT', `Expected to complete task listener job with key '${jobKey}', but variables are not supported for task listener jobs`);
  if (result?.denied && (eventType === 'creating' || eventType === 'canceling')) throw new EngineError('INVALID_ARGUMENT', `Expected to complete task listener job with key '${jobKey}', but denying the result is not supported for '${eventType}' task listeners`);
  const corrections = result?.corrections ?? {};
  const names = Object.keys(corrections).filter((k) => (corrections as Record<string, unknown>)[k] !== undefined && (corrections as Record<string, unknown>)[k] !== null);
  if (names.length > 0 && eventType === 'canceling') throw new EngineError('INVALID_ARGUMENT', `Expected to complete task listener job with key '${jobKey}', but corrections are not supported for 'canceling' task listeners`);
  const out: TaskCorrections = {};
  for (const name of names) {
    const kind = CORRECTABLE[name as keyof TaskCorrections];
    const value = (corrections as Record<string, unknown>)[name];
    if (!kind) throw new EngineError('INVALID_ARGUMENT', `Expected to complete task listener job with key '${jobKey}', but the correction '${name}' is not one of ${Object.keys(CORRECTABLE).join(', ')}`);
    const ok = kind === 'list' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : kind === 'number' ? Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100 : typeof value === 'string';
    if (!ok) throw new EngineError('INVALID_ARGUMENT', `Expected to complete task listener job with key '${jobKey}', but the correction '${name}' is not a valid ${kind === 'list' ? 'list of strings' : kind === 'number' ? 'priority (0 to 100)' : 'string'}`);
    if ((name === 'dueDate' || name === 'followUpDate') && value !== '' && Number.isNaN(Date.parse(value as string))) throw new EngineError('INVALID_ARGUMENT', `Expected to complete task listener job with key '${jobKey}', but the correction '${name}' is not a date-time`);
    (out as Record<string, unknown>)[name] = name.endsWith('Date') && value !== '' ? new Date(value as string).toISOString() : value;
  }
  return out;
}

/** Records a listener's completion on its transition: true when another listener follows (its job now created). */
export async function advanceTransition(step: Step, rec: InstanceRecord, it: WaitItem, ei: ElementInstance | undefined, corrections: TaskCorrections): Promise<boolean> {
  const t = it.data.transition as TaskTransition;
  Object.assign(t.corrections, corrections);
  for (const name of Object.keys(corrections)) if (!t.changed.includes(name)) t.changed.push(name);
  t.next++;
  await step.tx.putItem(it, false);
  if (t.next >= t.listeners.length) return false;
  await createListenerJob(step, rec, it, ei, t);
  return true;
}
