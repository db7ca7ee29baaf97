import type { UserTask } from '@dealerflow/engine';
import type { EntityManager } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { TaskChange, TaskEvents } from './TaskEvents';
import type { TaskProjection } from './TaskProjection';
import { currentActor } from '../engine/actorContext';
import type { FeedConsumer } from '../engine/engineEventFeed';

/**
 * Feeds the inbox from the user task events, with the audit entry of a completion. Naturally
 * idempotent: the projection inserts a task once and ends it once, and the audit entry and the
 * stream hint follow only the call that changed the row.
 */
export function projectTasks(projection: TaskProjection, audit: AuditTrail, taskEvents: TaskEvents): FeedConsumer {
  const actor = () => currentActor().username;
  // Stream hints go out when the step commits; one from a step rolled back to its savepoint only makes a client refetch.
  const hint = (manager: EntityManager, task: UserTask, change: TaskChange['change']) => taskEvents.announce(manager, {
    key: task.key, change, processInstanceKey: task.processInstanceKey, dealerId: typeof task.variables?.dealerId === 'string' ? task.variables.dealerId : null,
    assignee: task.assignee ?? null, candidateGroups: task.candidateGroups, candidateUsers: task.candidateUsers,
  });
  return {
    name: 'inbox',
    types: ['userTask.created', 'userTask.assigned', 'userTask.completed', 'userTask.cancelled'],
    once: 'natural',
    async consume(event, manager) {
      switch (event.type) {
        case 'userTask.created':
          await projection.created(manager, event.task);
          await hint(manager, event.task, 'created');
          return;
        case 'userTask.assigned':
          if (await projection.assigned(manager, event.task.key, event.task.assignee ?? null)) await hint(manager, event.task, 'assigned');
          return;
        case 'userTask.completed':
          if (await projection.ended(manager, event.task.key, 'completed', new Date(), actor())) {
            await audit.append(manager, { actor: actor(), action: 'task.complete', subjectType: 'ProcessInstance', subjectId: event.task.processInstanceKey, payload: { taskKey: event.task.key, elementId: event.task.elementId, variables: event.variables } });
            await hint(manager, event.task, 'completed');
          }
          return;
        case 'userTask.cancelled':
          if (await projection.ended(manager, event.task.key, 'cancelled', new Date())) await hint(manager, event.task, 'cancelled');
          return;
        default:
      }
    },
  };
}
