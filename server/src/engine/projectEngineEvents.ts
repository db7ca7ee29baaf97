import type { ProcessEngine, Unsubscribe } from '@dealerflow/engine';
import type { EntityManager } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
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
export function projectEngineEvents(engine: ProcessEngine, projection: TaskProjection, audit: AuditTrail): Unsubscribe {
  const actor = () => currentActor().username;
  const subscriptions = [
    engine.on('userTask.created', (event, ctx) => projection.created(managerOf(ctx), event.task)),
    engine.on('userTask.assigned', (event, ctx) => projection.assigned(managerOf(ctx), event.task.key, event.task.assignee ?? null).then(() => undefined)),
    engine.on('userTask.completed', async (event, ctx) => {
      const manager = managerOf(ctx);
      if (await projection.ended(manager, event.task.key, 'completed', new Date(), actor())) {
        await audit.append(manager, { actor: actor(), action: 'task.complete', subjectType: 'ProcessInstance', subjectId: event.task.processInstanceKey, payload: { taskKey: event.task.key, elementId: event.task.elementId, variables: event.variables } });
      }
    }),
    engine.on('userTask.cancelled', (event, ctx) => projection.ended(managerOf(ctx), event.task.key, 'cancelled', new Date()).then(() => undefined)),
    engine.on('instance.created', (event, ctx) => audit.append(managerOf(ctx), { actor: actor(), action: 'instance.start', subjectType: 'ProcessInstance', subjectId: event.processInstanceKey, payload: { bpmnProcessId: event.bpmnProcessId, version: event.version } }).then(() => undefined)),
    engine.on('instance.completed', (event, ctx) => audit.append(managerOf(ctx), { actor: actor(), action: 'instance.complete', subjectType: 'ProcessInstance', subjectId: event.processInstanceKey, payload: { bpmnProcessId: event.bpmnProcessId } }).then(() => undefined)),
    engine.on('instance.terminated', (event, ctx) => audit.append(managerOf(ctx), { actor: actor(), action: 'instance.terminate', subjectType: 'ProcessInstance', subjectId: event.processInstanceKey, payload: { bpmnProcessId: event.bpmnProcessId } }).then(() => undefined)),
    engine.on('incident.raised', (event, ctx) => audit.append(managerOf(ctx), { actor: 'system', action: 'incident.raise', subjectType: 'ProcessInstance', subjectId: event.incident.processInstanceKey, payload: { elementId: event.incident.elementId, type: event.incident.type, message: event.incident.message } }).then(() => undefined)),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
