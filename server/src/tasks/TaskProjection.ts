import type { UserTask } from '@dealerflow/engine';
import type { EntityManager } from 'typeorm';
import { InstanceProjection } from '../instances/InstanceProjection';
import { ProcessInstanceRecord } from '../instances/ProcessInstanceRecord';
import { coverageSummary, SUMMARY_VARIABLES } from './CaseSummaries';
import { Task, type TaskState } from './Task';
import { TaskCandidate, principalsOf } from './TaskCandidate';
import { TaskDraft } from './TaskDraft';
import { dealerNameOf } from './taskDealerNames';

/** Sorts after every real due date. */
export const NO_DUE_DATE = new Date('9999-12-31T00:00:00.000Z');

/** Process variables copied into the search text (besides the case reference). */
const SEARCHABLE_VARIABLES = ['vin', 'customerName', 'customer', 'tenderNumber', 'orderNumber'];

const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

/**
 * Who is offered a user task its model assigns to no one (no assignee, candidate groups or
 * users, as Camunda 8 allows): the process admins, whose role name is a candidate group.
 */
export const UNASSIGNED_TASK_GROUP = 'process-admin';

/** The task's candidate groups, or the process admins' when the model names no one. */
function candidateGroupsFor(task: UserTask): string[] {
  const assigned = task.assignee || task.candidateGroups.length > 0 || task.candidateUsers.length > 0;
  return assigned ? task.candidateGroups : [UNASSIGNED_TASK_GROUP];
}

/** The row a created user task becomes. */
export function taskRow(task: UserTask, processVersion: number | null = null): Task {
  const variables = task.variables ?? {};
  const caseRef = text(variables.caseRef);
  const searchable = [caseRef, ...SEARCHABLE_VARIABLES.map((name) => text(variables[name]))].filter((v) => v !== null);
  const dueDate = task.dueDate ? new Date(task.dueDate) : null;
  return Object.assign(new Task(), {
    key: task.key,
    processInstanceKey: task.processInstanceKey,
    bpmnProcessId: task.bpmnProcessId,
    processVersion,
    elementId: task.elementId,
    name: task.name ?? task.elementId,
    state: 'open' as TaskState,
    assignee: task.assignee ?? null,
    candidateGroups: candidateGroupsFor(task),
    candidateUsers: task.candidateUsers,
    dealerId: text(variables.dealerId),
    dealerName: '',
    caseRef,
    searchText: searchable.join(' ').toLowerCase().slice(0, 1000),
    caseSummary: { ...Object.fromEntries(SUMMARY_VARIABLES.filter((name) => isScalar(variables[name])).map((name) => [name, variables[name] as string | number | boolean])), ...coverageSummary(variables) },
    amount: typeof variables.claimAmount === 'number' && Number.isFinite(variables.claimAmount) ? Math.round(Math.min(Math.max(variables.claimAmount, 0), 2_000_000_000)) : 0,
    covered: typeof coverageSummary(variables).covered === 'boolean' ? coverageSummary(variables).covered! : null,
    formId: task.externalFormReference ?? task.formId ?? task.formKey ?? null,
    dueDate,
    dueSort: dueDate ?? NO_DUE_DATE,
    followUpDate: task.followUpDate ? new Date(task.followUpDate) : null,
    priority: task.priority,
    createdAt: new Date(task.createdAt),
    endedAt: null,
    completedBy: null,
    revision: 1,
  });
}

/**
 * Keeps the task table (and the state its candidates copy) in step with the engine's user task events. Every method is
 * idempotent, so an event seen twice (a replay, a redelivered listener job) changes nothing,
 * and a late event cannot reopen an ended task.
 */
export class TaskProjection {
  /** A user task was created. */
  async created(manager: EntityManager, task: UserTask): Promise<void> {
    // The instance row is written by the same engine step (instance.created comes first); a task without one stays unpinned.
    const instance = await manager.findOne(ProcessInstanceRecord, { where: { key: task.processInstanceKey }, select: { key: true, version: true } });
    const row = taskRow(task, instance?.version ?? null);
    row.dealerName = await dealerNameOf(manager, row.dealerId);
    await manager.createQueryBuilder().insert().into(Task).values(row).orIgnore().execute();
    // A new step is where a case's VIN or customer may have been corrected: the case search follows.
    if (instance) await new InstanceProjection().variablesChanged(manager, task.processInstanceKey, task.variables ?? {});
    const principals = principalsOf(row.candidateGroups, row.candidateUsers);
    if (principals.length) {
      const { state, dealerId, dueSort } = row;
      await manager.createQueryBuilder().insert().into(TaskCandidate).values(principals.map((principal) => ({ taskKey: task.key, principal, state, dealerId, dueSort }))).orIgnore().execute();
    }
  }

  /** Its assignee changed (undefined: unassigned). Returns whether an open task changed. */
  async assigned(manager: EntityManager, taskKey: string, assignee: string | null): Promise<boolean> {
    const result = await manager.createQueryBuilder().update(Task)
      .set({ assignee, revision: () => 'revision + 1' })
      .where('key = :taskKey AND state = :open', { taskKey, open: 'open' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** It was completed or cancelled; its draft goes with it. Returns whether this call ended it (false when it had already ended). */
  async ended(manager: EntityManager, taskKey: string, state: Exclude<TaskState, 'open'>, at: Date, completedBy: string | null = null): Promise<boolean> {
    const result = await manager.createQueryBuilder().update(Task)
      .set({ state, endedAt: at, completedBy, revision: () => 'revision + 1' })
      .where('key = :taskKey AND state = :open', { taskKey, open: 'open' })
      .execute();
    await manager.delete(TaskDraft, { taskKey });
    if (!result.affected) return false;
    // The candidates' copy of the state moves with the task, in the same transaction.
    await manager.createQueryBuilder().update(TaskCandidate).set({ state }).where('taskKey = :taskKey', { taskKey }).execute();
    return true;
  }
}
