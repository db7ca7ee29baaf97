import type { ProcessEngine, Unsubscribe } from '@dealerflow/engine';
import type { EntityManager } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { InstanceProjection } from '../instances/InstanceProjection';
import { currentActor } from './actorContext';

const managerOf = (ctx: { transaction?: unknown }): EntityManager => {
  if (!ctx.transaction) throw new Error('The engine ran a listener without a transaction; the projection needs the embedded engine with the SQL store');
  return ctx.transaction as EntityManager;
};

/**
 * Feeds the instance list, incidents and element statistics from the engine's events, inside
 * the engine step's transaction: the step, its projection rows and the audit entry of a
 * resolved incident commit together.
 */
export function projectInstanceEvents(engine: ProcessEngine, projection: InstanceProjection, audit: AuditTrail): Unsubscribe {
  const subscriptions = [
    engine.on('instance.created', (event, ctx) => projection.created(managerOf(ctx), event)),
    engine.on('instance.completed', (event, ctx) => projection.ended(managerOf(ctx), event.processInstanceKey, 'completed').then(() => undefined)),
    engine.on('instance.terminated', (event, ctx) => projection.ended(managerOf(ctx), event.processInstanceKey, 'terminated').then(() => undefined)),
    engine.on('incident.raised', (event, ctx) => projection.incidentRaised(managerOf(ctx), event.incident)),
    engine.on('incident.resolved', async (event, ctx) => {
      const manager = managerOf(ctx);
      if (!(await projection.incidentResolved(manager, event.incident))) return;
      const { key, elementId, type } = event.incident;
      await audit.append(manager, { actor: currentActor().username, action: 'incident.resolve', subjectType: 'ProcessInstance', subjectId: event.incident.processInstanceKey, payload: { incidentKey: key, elementId, type } });
    }),
    engine.on('element.activated', (event, ctx) => projection.elementActivated(managerOf(ctx), event)),
    engine.on('element.completed', (event, ctx) => projection.elementCompleted(managerOf(ctx), event)),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
