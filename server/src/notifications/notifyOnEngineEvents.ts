import type { ProcessEngine, Unsubscribe, UserTask } from '@dealerflow/engine';
import type { EntityManager } from 'typeorm';
import { currentActor } from '../engine/actorContext';
import { dealerName, personName } from './caseNames';
import type { NotificationService } from './NotificationService';

const managerOf = (ctx: { transaction?: unknown }): EntityManager => {
  if (!ctx.transaction) throw new Error('Notifications need the engine step\'s transaction (the embedded engine with the SQL store)');
  return ctx.transaction as EntityManager;
};

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

/** The parameters every task notification names. */
export async function taskParams(manager: EntityManager, task: Pick<UserTask, 'name' | 'elementId' | 'bpmnProcessId' | 'variables'>) {
  return {
    taskName: task.name ?? task.elementId,
    processId: task.bpmnProcessId,
    elementId: task.elementId,
    caseRef: text(task.variables?.caseRef),
    dealerName: await dealerName(manager, task.variables?.dealerId),
  };
}

/** Decisions on a case that its starter hears about; `requestInfo` gives them a task instead. */
const TOLD_DECISIONS = ['approve', 'reject'];

/**
 * Notifies from the engine's events inside the step's transaction: a new task tells its
 * assignee, candidate users and the members of its candidate groups (of the case's dealer or
 * the distributor); an approval decision tells the person who started the case.
 */
export function notifyOnEngineEvents(engine: ProcessEngine, notifications: NotificationService): Unsubscribe {
  const subscriptions = [
    engine.on('userTask.created', async (event, ctx) => {
      const manager = managerOf(ctx);
      const task = event.task;
      const recipients = task.assignee
        ? { users: [task.assignee] }
        : { users: task.candidateUsers, groups: task.candidateGroups, dealerId: text(task.variables?.dealerId) };
      await notifications.notify(manager, {
        recipients: { ...recipients, exclude: [currentActor().username] },
        kind: 'task.created',
        params: await taskParams(manager, task),
        link: `/inbox/${task.key}`,
        cause: `task.created:${task.key}`,
      });
    }),
    engine.on('userTask.completed', async (event, ctx) => {
      const decision = event.variables?.decision;
      const starter = text(event.task.variables?.startedBy);
      if (typeof decision !== 'string' || !TOLD_DECISIONS.includes(decision) || !starter) return;
      const manager = managerOf(ctx);
      const actor = currentActor().username;
      await notifications.notify(manager, {
        recipients: { users: [starter], exclude: [actor] },
        kind: 'case.decided',
        params: { decision, caseRef: text(event.task.variables?.caseRef), actorName: await personName(manager, actor), dealerName: await dealerName(manager, event.task.variables?.dealerId) },
        link: `/cases/${event.task.processInstanceKey}`,
        cause: `case.decided:${event.task.key}`,
      });
    }),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
