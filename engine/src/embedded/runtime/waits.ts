import type { Job, ListenerUserTask, TaskListenerEventType, UserTask } from '../../port';
import { FeelError } from '../feel/Expression';
import { scheduleTimer } from '../feel/timers';
import type { ElementDef, ProcessModel } from '../model/ProcessModel';
import type { ElementInstance, InstanceRecord, WaitItem } from '../store/EngineStore';
import { FORM_PREFIX } from './definitionIds';
import { raiseIncident } from './incidents';
import type { Step } from './Step';
import { startTransition } from './taskListeners';
import { visibleVariables } from './variables';

function attach(ei: ElementInstance, key: string): void {
  (ei.waits ??= []).push(key);
}

function item(rec: InstanceRecord, ei: ElementInstance, key: string, kind: WaitItem['kind'], name: string, dueAt: number | null, data: Record<string, unknown>, correlationKey = ''): WaitItem {
  return { key, kind, instanceKey: rec.key, elementInstanceId: ei.id, name, correlationKey, dueAt, data };
}

/** Creates the job of a service, send or business-rule task. */
export async function createJob(step: Step, rec: InstanceRecord, el: ElementDef, ei: ElementInstance, retries?: number): Promise<void> {
  const vars = visibleVariables(rec, ei.id);
  const type = String(el.job!.type.evaluate(vars));
  const key = step.key();
  attach(ei, key);
  const jobRetries = retries ?? Number(el.job!.retries.evaluate(vars));
  await step.addItem(item(rec, ei, key, 'job', type, step.now, { retries: Number.isFinite(jobRetries) ? jobRetries : 3, elementId: el.id, bpmnProcessId: rec.bpmnProcessId, headers: el.job!.headers, worker: '' }));
}

/** Reads a job item as the port's Job (a task listener's job with its kind, event type and user task). */
export function jobOf(it: WaitItem, variables: Job['variables']): Job {
  const d = it.data as { retries: number; elementId: string; bpmnProcessId: string; headers: Record<string, string>; worker: string; listener?: { eventType: TaskListenerEventType; userTask: ListenerUserTask } };
  const job: Job = { key: it.key, type: it.name, processInstanceKey: it.instanceKey, bpmnProcessId: d.bpmnProcessId, elementId: d.elementId, retries: d.retries, deadline: it.dueAt ?? 0, worker: d.worker, customHeaders: d.headers, variables };
  if (d.listener) Object.assign(job, { kind: 'TASK_LISTENER', listenerEventType: d.listener.eventType, userTask: d.listener.userTask });
  return job;
}

function list(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.map(String);
  return String(value).split(',').map((s) => s.trim()).filter(Boolean);
}

function isoDate(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const ms = Date.parse(String(value));
  if (Number.isNaN(ms)) throw new FeelError(`'${String(value)}' is not a date-time`);
  return new Date(ms).toISOString();
}

/** Creates a user task from zeebe:userTask, assignment, form, schedule and priority. */
export async function createUserTask(step: Step, rec: InstanceRecord, el: ElementDef, ei: ElementInstance): Promise<void> {
  const vars = visibleVariables(rec, ei.id);
  const u = el.userTask!;
  const assignee = u.assignee?.evaluate(vars);
  const priority = u.priority ? Number(u.priority.evaluate(vars)) : 50;
  const task: UserTask = {
    key: step.key(), processInstanceKey: rec.key, bpmnProcessId: rec.bpmnProcessId, elementId: el.id, state: 'CREATED',
    candidateGroups: list(u.candidateGroups?.evaluate(vars)), candidateUsers: list(u.candidateUsers?.evaluate(vars)),
    priority: Number.isFinite(priority) ? priority : 50, variables: {}, createdAt: step.now,
  };
  if (el.name) task.name = el.name;
  if (u.formKey) task.formKey = u.formKey;
  if (u.formId) {
    task.formId = u.formId;
    // a form deployed to this engine is bound as Camunda binds it: its latest version when the task is created
    const form = await step.tx.latestDefinition(FORM_PREFIX + u.formId);
    if (form) task.formKey = form.key;
  }
  if (u.externalReference) task.externalFormReference = u.externalReference;
  const due = isoDate(u.dueDate?.evaluate(vars));
  if (due) task.dueDate = due;
  const followUp = isoDate(u.followUpDate?.evaluate(vars));
  if (followUp) task.followUpDate = followUp;
  attach(ei, task.key);
  const it = item(rec, ei, task.key, 'task', '', null, { task });
  await step.addItem(it);
  const initialAssignee = assignee !== null && assignee !== undefined && assignee !== '' ? String(assignee) : undefined;
  // as in Camunda, the creating listeners run first, then the assigning ones for the assignee the model gives
  if (await startTransition(step, rec, it, ei, { eventType: 'creating', action: 'create', assignee: initialAssignee ?? null, changed: [] })) return;
  await step.ops.finishCreate(step, rec, ei, it, initialAssignee);
}

/** Opens timer, message and signal subscriptions of an activity's boundary events. */
export async function openBoundaries(step: Step, rec: InstanceRecord, model: ProcessModel, el: ElementDef, ei: ElementInstance): Promise<void> {
  for (const id of el.boundaries) {
    const boundary = model.elements.get(id)!;
    if (boundary.event?.kind === 'timer') await openTimer(step, rec, boundary, ei, 'boundary');
    if (boundary.event?.kind === 'message') await openMessage(step, rec, boundary, ei, 'boundary');
    if (boundary.event?.kind === 'signal') await openSignal(step, rec, boundary, ei, 'boundary');
  }
}

/** Opens the subscriptions of the catch events after an event-based gateway. */
export async function openEventGateway(step: Step, rec: InstanceRecord, model: ProcessModel, el: ElementDef, ei: ElementInstance): Promise<void> {
  for (const flow of el.outgoing) {
    const target = model.elements.get(flow.targetId)!;
    if (target.event?.kind === 'timer') await openTimer(step, rec, target, ei, 'gateway');
    if (target.event?.kind === 'signal') await openSignal(step, rec, target, ei, 'gateway');
    if (target.event?.kind === 'message' && (await openMessage(step, rec, target, ei, 'gateway'))) return;
  }
}

/** An intermediate timer catch event waits for its timer. */
export async function openTimerCatch(step: Step, rec: InstanceRecord, el: ElementDef, ei: ElementInstance): Promise<void> {
  await openTimer(step, rec, el, ei, 'catch');
}

/** An intermediate message catch event waits for its message (or takes a buffered one). */
export async function openMessageCatch(step: Step, rec: InstanceRecord, el: ElementDef, ei: ElementInstance): Promise<void> {
  await openMessage(step, rec, el, ei, 'catch');
}

async function openTimer(step: Step, rec: InstanceRecord, el: ElementDef, ei: ElementInstance, purpose: string): Promise<void> {
  const ev = el.event as Extract<ElementDef['event'], { kind: 'timer' }>;
  const value = ev.value.evaluate(visibleVariables(rec, ei.id));
  const schedule = scheduleTimer(ev.timer, String(value), step.now);
  if (!schedule) throw new FeelError(`invalid timer ${ev.timer} '${String(value)}' of ${el.id}`);
  const key = step.key();
  attach(ei, key);
  await step.addItem(item(rec, ei, key, 'timer', '', schedule.dueAt, { elementId: el.id, purpose, repetitions: schedule.repetitions, interval: schedule.interval }));
}

/** Opens a message subscription; true when a buffered message was correlated at once. */
async function openMessage(step: Step, rec: InstanceRecord, el: ElementDef, ei: ElementInstance, purpose: string): Promise<boolean> {
  const ev = el.event as Extract<ElementDef['event'], { kind: 'message' }>;
  const vars = visibleVariables(rec, ei.id);
  const name = String(ev.name.evaluate(vars));
  const correlationKey = ev.correlationKey?.evaluate(vars);
  if (correlationKey === null || correlationKey === undefined) throw new FeelError(`correlation key of ${el.id} evaluated to null`);
  const key = step.key();
  attach(ei, key);
  const sub = item(rec, ei, key, 'message', name, null, { elementId: el.id, purpose, bpmnProcessId: rec.bpmnProcessId }, String(correlationKey));
  await step.addItem(sub);
  return step.ops.correlateBuffered(step, sub);
}

/** Opens the subscription of an event subprocess's timer, message or signal start event, held by its scope. */
export async function openEventSubprocessStart(step: Step, rec: InstanceRecord, start: ElementDef, holder: ElementInstance): Promise<void> {
  if (start.event?.kind === 'timer') await openTimer(step, rec, start, holder, 'eventSub');
  if (start.event?.kind === 'message') await openMessage(step, rec, start, holder, 'eventSub');
  if (start.event?.kind === 'signal') await openSignal(step, rec, start, holder, 'eventSub');
}

/** An intermediate signal catch event waits for a broadcast of its signal. */
export async function openSignalCatch(step: Step, rec: InstanceRecord, el: ElementDef, ei: ElementInstance): Promise<void> {
  await openSignal(step, rec, el, ei, 'catch');
}

/** Opens a signal subscription: signals are not buffered, only a broadcast after this reaches it. */
async function openSignal(step: Step, rec: InstanceRecord, el: ElementDef, ei: ElementInstance, purpose: string): Promise<void> {
  const ev = el.event as Extract<ElementDef['event'], { kind: 'signal' }>;
  const name = String(ev.name.evaluate(visibleVariables(rec, ei.id)));
  const key = step.key();
  attach(ei, key);
  await step.addItem(item(rec, ei, key, 'signal', name, null, { elementId: el.id, purpose, bpmnProcessId: rec.bpmnProcessId }));
}

/** Deletes the wait items of an element instance; cancelled user tasks are announced. */
export async function closeWaits(step: Step, rec: InstanceRecord, ei: ElementInstance, cancelled = false): Promise<void> {
  if (!ei.waits) return;
  for (const key of ei.waits) {
    if (cancelled) {
      const it = await step.tx.getItem(key);
      if (it?.kind === 'task' && (await step.ops.cancelTask(step, rec, ei, it))) continue;
    }
    await step.tx.deleteItem(key);
  }
  ei.waits = undefined;
}

/** A call activity starts the latest version of the called process with the visible variables. */
export async function startCalledInstance(step: Step, rec: InstanceRecord, el: ElementDef, ei: ElementInstance): Promise<void> {
  const vars = visibleVariables(rec, ei.id);
  const processId = String(el.called!.processId.evaluate(vars));
  const def = await step.tx.latestDefinition(processId);
  if (!def) return raiseIncident(step, rec, ei, 'CALLED_ELEMENT_ERROR', `no process with id '${processId}' is deployed`, { phase: 'activate' });
  const child = await step.ops.startInstance(step, def, { ...vars }, { parent: { instanceKey: rec.key, elementInstanceId: ei.id } });
  if (child.state === 'ACTIVE' && rec.elements[ei.id]) ei.child = child.key;
}
