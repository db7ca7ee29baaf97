import { NotFoundError, type UserTask, type UserTaskFilter, type Variables } from '../../port';
import { completeElement } from './Executor';
import type { Step } from './Step';
import { visibleVariables } from './variables';

/** Completes an open user task with variables and moves its instance on. */
export async function completeUserTask(step: Step, taskKey: string, variables: Variables): Promise<void> {
  const it = await step.tx.getItem(taskKey);
  const rec = it?.kind === 'task' ? await step.instance(it.instanceKey) : undefined;
  const ei = rec?.elements[it!.elementInstanceId];
  if (!it || !rec || !ei) throw new NotFoundError('user task', taskKey);
  await step.tx.deleteItem(taskKey);
  ei.waits = ei.waits?.filter((k) => k !== taskKey);
  step.emit({ type: 'userTask.completed', task: { ...(it.data.task as UserTask), state: 'COMPLETED', variables: visibleVariables(rec, ei.id) }, variables });
  await completeElement(step, rec, ei, variables);
}

/** Assigns an open user task (undefined unassigns it). */
export async function assignUserTask(step: Step, taskKey: string, assignee: string | undefined): Promise<void> {
  const it = await step.tx.getItem(taskKey);
  if (!it || it.kind !== 'task') throw new NotFoundError('user task', taskKey);
  const task = it.data.task as UserTask;
  if (assignee === undefined) delete task.assignee;
  else task.assignee = assignee;
  await step.tx.putItem(it, false);
  step.emit({ type: 'userTask.assigned', task });
}

/** The open user tasks matching a filter, by key, each with the variables it sees. */
export async function searchUserTasks(step: Step, filter: UserTaskFilter): Promise<UserTask[]> {
  const items = await step.tx.findItems({ kind: 'task', name: '', instanceKey: filter.processInstanceKey });
  const out: UserTask[] = [];
  for (const it of items.sort((a, b) => (BigInt(a.key) < BigInt(b.key) ? -1 : 1))) {
    const task = it.data.task as UserTask;
    if (filter.elementId && task.elementId !== filter.elementId) continue;
    const rec = await step.instance(it.instanceKey);
    out.push({ ...task, variables: rec ? visibleVariables(rec, it.elementInstanceId) : {} });
  }
  return out;
}
