import type { JobResult, UserTask, Variables } from '../../port';
import { EngineError, NotFoundError } from '../../port';
import type { ElementInstance, InstanceRecord, WaitItem } from '../store/EngineStore';
import type { Step } from './Step';
import { advanceTransition, applyCorrections, checkListenerResult, startTransition, type TaskTransition } from './taskListeners';
import { visibleVariables } from './variables';

const STATE: Record<TaskTransition['eventType'], string> = { creating: 'CREATING', assigning: 'ASSIGNING', updating: 'UPDATING', completing: 'COMPLETING', canceling: 'CANCELING' };

/** Rejects a command on a task whose transition is held by its listeners, as Camunda does. */
export function requireSettled(it: WaitItem, command: string): void {
  const t = it.data.transition as TaskTransition | undefined;
  if (t) throw new EngineError('INVALID_STATE', `Expected to ${command} user task with key '${it.key}', but it is in state '${STATE[t.eventType]}'`);
}

/** Ends a task's creation: announces it, then assigns its initial assignee (through the assigning listeners, if any). */
export async function finishCreate(step: Step, rec: InstanceRecord, ei: ElementInstance | undefined, it: WaitItem, initialAssignee: string | undefined, corrections = {}): Promise<void> {
  const task = applyCorrections(it.data.task as UserTask, corrections);
  const assignee = task.assignee ?? initialAssignee;
  delete task.assignee;
  delete it.data.transition;
  const vars = ei ? visibleVariables(rec, ei.id) : {};
  const held = assignee ? await startTransition(step, rec, it, ei, { eventType: 'assigning', action: 'assign', assignee, changed: ['assignee'] }) : false;
  if (!held && assignee) task.assignee = assignee;
  await step.tx.putItem(it, false);
  step.emit({ type: 'userTask.created', task: { ...task, variables: vars } });
  if (!held && assignee) step.emit({ type: 'userTask.assigned', task: { ...task, variables: vars } });
}

/** Ends an assignment: the new assignee (or the listeners' correction of it) and their other corrections. */
export async function finishAssign(step: Step, it: WaitItem, assignee: string | null | undefined, corrections = {}): Promise<void> {
  const task = it.data.task as UserTask;
  if (assignee === null || assignee === undefined || assignee === '') delete task.assignee;
  else task.assignee = assignee;
  applyCorrections(task, corrections);
  delete it.data.transition;
  await step.tx.putItem(it, false);
  step.emit({ type: 'userTask.assigned', task });
}

/** Ends a completion: the task goes and its element completes with the variables. */
export async function finishComplete(step: Step, rec: InstanceRecord, ei: ElementInstance, it: WaitItem, variables: Variables, corrections = {}): Promise<void> {
  await step.tx.deleteItem(it.key);
  ei.waits = ei.waits?.filter((k) => k !== it.key);
  const task = applyCorrections({ ...(it.data.task as UserTask) }, corrections);
  step.emit({ type: 'userTask.completed', task: { ...task, state: 'COMPLETED', variables: visibleVariables(rec, ei.id) }, variables });
  await step.ops.completeElement(step, rec, ei, variables);
}

/**
 * A task whose element goes away: a held transition is rejected, and the canceling listeners
 * run on a snapshot of its variables. True when the task item stays until they complete.
 */
export async function cancelTask(step: Step, rec: InstanceRecord, ei: ElementInstance, it: WaitItem): Promise<boolean> {
  if (it.data.transition) {
    step.outcomes.push({ taskKey: it.key, rejection: new NotFoundError('user task', it.key) });
    delete it.data.transition;
  }
  const task = it.data.task as UserTask;
  const held = await startTransition(step, rec, it, undefined, { eventType: 'canceling', action: 'cancel', snapshot: visibleVariables(rec, ei.id), changed: [] });
  if (!held) step.emit({ type: 'userTask.cancelled', task: { ...task, state: 'CANCELED' } });
  return held;
}

/** Completes a task listener's job: the next listener's job, the transition itself, or (denied) its rejection. */
export async function completeListenerJob(step: Step, job: WaitItem, variables: Variables, result: JobResult | undefined): Promise<void> {
  const listener = job.data.listener as { taskKey: string; eventType: TaskTransition['eventType'] };
  const corrections = checkListenerResult(listener.eventType, job.key, variables, result);
  const it = await step.tx.getItem(listener.taskKey);
  const t = it?.data.transition as TaskTransition | undefined;
  const rec = await step.instance(job.instanceKey);
  if (!it || it.kind !== 'task' || !t || !rec) throw new NotFoundError('job', job.key);
  await step.tx.deleteItem(job.key);
  const ei = rec.elements[job.elementInstanceId] as ElementInstance | undefined;
  if (ei) ei.waits = ei.waits?.filter((k) => k !== job.key);
  if (result?.denied) {
    delete it.data.transition;
    await step.tx.putItem(it, false);
    const what = t.eventType === 'assigning' ? 'Assignment' : t.eventType === 'completing' ? 'Completion' : 'Update';
    step.outcomes.push({ taskKey: it.key, rejection: new EngineError('INVALID_STATE', `${what} of the user task with key '${it.key}' was denied by a task listener. Reason to deny: '${result.deniedReason ?? ''}'`, { deniedReason: result.deniedReason ?? '' }) });
    return;
  }
  if (await advanceTransition(step, rec, it, ei && t.eventType !== 'canceling' ? ei : undefined, corrections)) return;
  if (t.eventType === 'creating') await finishCreate(step, rec, ei, it, t.assignee ?? undefined, t.corrections);
  else if (t.eventType === 'assigning') await finishAssign(step, it, t.corrections.assignee ?? t.assignee, { ...t.corrections, assignee: undefined });
  else if (t.eventType === 'completing' && ei) await finishComplete(step, rec, ei, it, t.variables ?? {}, t.corrections);
  else {
    await step.tx.deleteItem(it.key);
    step.emit({ type: 'userTask.cancelled', task: { ...(it.data.task as UserTask), state: 'CANCELED' } });
  }
  step.outcomes.push({ taskKey: it.key });
}

/**
 * A canceling listener out of retries: its task's element is already gone, so there is nothing
 * to hold an incident; the cancellation ends here rather than leave the task canceling for ever.
 */
export async function abandonCanceling(step: Step, job: WaitItem): Promise<void> {
  const listener = job.data.listener as { taskKey: string };
  await step.tx.deleteItem(job.key);
  const it = await step.tx.getItem(listener.taskKey);
  if (!it || it.kind !== 'task') return;
  await step.tx.deleteItem(it.key);
  step.emit({ type: 'userTask.cancelled', task: { ...(it.data.task as UserTask), state: 'CANCELED' } });
}
