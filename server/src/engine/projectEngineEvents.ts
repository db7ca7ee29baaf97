import type { ProcessEngine, Unsubscribe, UserTask } from '@dealerflow/engine';
import type { EntityManager } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { TaskChange, TaskEvents } from '../tasks/TaskEvents';
import type { TaskProjection } from '../tasks/TaskProjection';
import { currentActor } from './actorContext';

const managerOf = (ctx: { transaction?: unknown }): EntityManager => {
  if (!ctx.transaction) throw new Error('The engine ran a listener without a transaction; the projection needs the embedded engine with the SQL store');
  return ctx.transaction as EntityManager;
};

/**
 * Feeds the inbox projection and the audit trail from the engine's events, inside the
 * engine step's transaction: the step, its task rows and its audit entries commit together.
 */
export function projectEngineEvents(engine: ProcessEngine, projection: TaskProjection, audit: AuditTrail, taskEvents: TaskEvents): Unsubscribe {
  const actor = () => currentActor().username;
  // Stream hints go out as the step writes; a rolled-back step's hint only makes a client refetch.
  const hint = (task: UserTask, change: TaskChange['change']) => taskEvents.publish({
    key: task.key, change, processInstanceKey: task.processInstanceKey, dealerId: typeof task.variables?.dealerId === 'string' ? task.variables.dealerId : null,
    assignee: task.assignee ?? null, candidateGroups: task.candidateGroups, candidateUsers: task.candidateUsers,
  });
  const subscriptions = [
    engine.on('userTask.created', async (event, ctx) => {
      await projection.created(managerOf(ctx), event.task);
      hint(event.task, 'created');
    }),
    engine.on('userTask.assigned', async (event, ctx) => {
      if (await projection.assigned(managerOf(ctx), event.task.key, event.task.assignee ?? null)) hint(event.task, 'assigned');
    }),
    engine.on('userTask.completed', async (event, ctx) => {
      const manager = managerOf(ctx);
      if (await projection.ended(manager, event.task.key, 'completed', new Date(), actor())) {
        await audit.append(manager, { actor: actor(), action: 'task.complete', subjectType: 'ProcessInstance', subjectId: event.task.processInstanceKey, payload: { taskKey: event.task.key, elementId: event.task.elementId, variables: event.variables } });
        hint(event.task, 'completed');
      }
    }),
    engine.on('userTask.cancelled', async (event, ctx) => {
      if (await projection.ended(managerOf(ctx), event.task.key, 'cancelled', new Date())) hint(event.task, 'cancelled');
    }),
    engine.on('instance.created', (event, ctx) => audit.append(managerOf(ctx), { actor: actor(), action: 'instance.start', subjectType: 'ProcessInstance', subjectId: event.processInstanceKey, payload: { bpmnProcessId: event.bpmnProcessId, version: event.version } }).then(() => undefined)),
    engine.on('instance.completed', (event, ctx) => audit.append(managerOf(ctx), { actor: actor(), action: 'instance.complete', subjectType: 'ProcessInstance', subjectId: event.processInstanceKey, payload: { bpmnProcessId: event.bpmnProcessId } }).then(() => undefined)),
    engine.on('instance.terminated', (event, ctx) => audit.append(managerOf(ctx), { actor: actor(), action: 'instance.terminate', subjectType: 'ProcessInstance', subjectId: event.processInstanceKey, payload: { bpmnProcessId: event.bpmnProcessId } }).then(() => undefined)),
    engine.on('incident.raised', (event, ctx) => audit.append(managerOf(ctx), { actor: 'system', action: 'incident.raise', subjectType: 'ProcessInstance', subjectId: event.incident.processInstanceKey, payload: { elementId: event.incident.elementId, type: event.incident.type, message: event.incident.message } }).then(() => undefined)),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
