import { NotFoundError, type UserTask, type UserTaskFilter, type Variables, type VariableSummary } from '../../port';
import type { Step } from './Step';
import { startTransition } from './taskListeners';
import { finishAssign, finishComplete, requireSettled } from './userTaskTransitions';
import { variableKey } from './searchElementInstances';
import { scopeChain, visibleVariables } from './variables';

/** Completes an open user task with variables and moves its instance on; 'held' while its completing listeners run. */
export async function completeUserTask(step: Step, taskKey: string, variables: Variables): Promise<'done' | 'held'> {
  const it = await step.tx.getItem(taskKey);
  const rec = it?.kind === 'task' ? await step.instance(it.instanceKey) : undefined;
  const ei = rec?.elements[it!.elementInstanceId];
  if (!it || !rec || !ei) throw new NotFoundError('user task', taskKey);
  requireSettled(it, 'complete');
  if (await startTransition(step, rec, it, ei, { eventType: 'completing', action: 'complete', variables, changed: [] })) return 'held';
  await finishComplete(step, rec, ei, it, variables);
  return 'done';
}

/** Assigns an open user task (undefined unassigns it); 'held' while its assigning listeners run. */
export async function assignUserTask(step: Step, taskKey: string, assignee: string | undefined): Promise<'done' | 'held'> {
  const it = await step.tx.getItem(taskKey);
  const rec = it?.kind === 'task' ? await step.instance(it.instanceKey) : undefined;
  if (!it || !rec) throw new NotFoundError('user task', taskKey);
  requireSettled(it, assignee === undefined ? 'unassign' : 'assign');
  const ei = rec.elements[it.elementInstanceId];
  if (await startTransition(step, rec, it, ei, { eventType: 'assigning', action: assignee === undefined ? 'unassign' : 'assign', assignee: assignee ?? null, changed: ['assignee'] })) return 'held';
  await finishAssign(step, it, assignee);
  return 'done';
}

/** The open user tasks matching a filter, by key, each with the variables it sees. */
export async function searchUserTasks(step: Step, filter: UserTaskFilter): Promise<UserTask[]> {
  const items = await step.tx.findItems({ kind: 'task', name: '', instanceKey: filter.processInstanceKey });
  const out: UserTask[] = [];
  for (const it of items.sort((a, b) => (BigInt(a.key) < BigInt(b.key) ? -1 : 1))) {
    const task = it.data.task as UserTask;
    // a task being created or canceled by its listeners is not (or no longer) a created task
    const held = (it.data.transition as { eventType?: string } | undefined)?.eventType;
    if (held === 'creating' || held === 'canceling') continue;
    if (filter.elementId && task.elementId !== filter.elementId) continue;
    const rec = await step.instance(it.instanceKey);
    out.push({ ...task, variables: rec ? visibleVariables(rec, it.elementInstanceId) : {} });
  }
  return out;
}

/**
 * The variables an open user task sees, one per name: each from the innermost scope of the task's
 * chain that holds it (the values searchUserTasks flattens), with the key of that scope.
 */
export async function userTaskVariables(step: Step, taskKey: string): Promise<VariableSummary[]> {
  const it = await step.tx.getItem(taskKey);
  const rec = it?.kind === 'task' ? await step.instance(it.instanceKey) : undefined;
  if (!it || !rec) throw new NotFoundError('user task', taskKey);
  const out: VariableSummary[] = [];
  const seen = new Set<string>();
  for (const scopeId of scopeChain(rec, it.elementInstanceId)) {
    const scopeKey = scopeId === '0' ? rec.key : rec.elements[scopeId]?.key;
    if (!scopeKey) continue;
    for (const [name, value] of Object.entries(rec.vars[scopeId] ?? {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ variableKey: variableKey(scopeKey, name), name, value, scopeKey, processInstanceKey: rec.key });
    }
  }
  return out;
}
