import type { UserTask, UserTaskCompletedEvent } from '@dealerflow/engine';
import type { EntityManager } from 'typeorm';
import { currentActor } from '../engine/actorContext';
import type { FeedConsumer } from '../engine/engineEventFeed';
import { dealerName, personName } from './caseNames';
import type { NotificationService } from './NotificationService';

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
 * Notifies from the engine's events: a new task tells its assignee, candidate users and the
 * members of its candidate groups (of the case's dealer or the distributor); an approval
 * decision tells the person who started the case. Naturally idempotent: each notification's
 * cause names the task, and a cause notifies each person once.
 */
export function notifyOnEngineEvents(notifications: NotificationService): FeedConsumer {
  const taskCreated = async (manager: EntityManager, task: UserTask) => {
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
  };
  const taskCompleted = async (manager: EntityManager, event: UserTaskCompletedEvent) => {
    const decision = event.variables?.decision;
    const starter = text(event.task.variables?.startedBy);
    if (typeof decision !== 'string' || !TOLD_DECISIONS.includes(decision) || !starter) return;
    const actor = currentActor().username;
    await notifications.notify(manager, {
      recipients: { users: [starter], exclude: [actor] },
      kind: 'case.decided',
      params: { decision, caseRef: text(event.task.variables?.caseRef), actorName: await personName(manager, actor), dealerName: await dealerName(manager, event.task.variables?.dealerId) },
      link: `/cases/${event.task.processInstanceKey}`,
      cause: `case.decided:${event.task.key}`,
    });
  };
  return {
    name: 'notifications',
    types: ['userTask.created', 'userTask.completed'],
    once: 'natural',
    async consume(event, manager) {
      if (event.type === 'userTask.created') await taskCreated(manager, event.task);
      else if (event.type === 'userTask.completed') await taskCompleted(manager, event);
    },
  };
}
