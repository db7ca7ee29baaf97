import type { AuditTrail } from '../audit/AuditTrail';
import type { InstanceProjection } from './InstanceProjection';
import { currentActor } from '../engine/actorContext';
import type { FeedConsumer } from '../engine/engineEventFeed';

/**
 * Feeds the instance list, incidents and element statistics, with the audit entry of a resolved
 * incident. Naturally idempotent: rows are keyed by the instance, incident and element instance
 * keys, and ends, resolutions and counts happen only in the call that changed the row.
 */
export function projectInstances(projection: InstanceProjection, audit: AuditTrail): FeedConsumer {
  return {
    name: 'instances',
    types: ['instance.created', 'instance.completed', 'instance.terminated', 'incident.raised', 'incident.resolved', 'element.activated', 'element.completed'],
    once: 'natural',
    async consume(event, manager) {
      switch (event.type) {
        case 'instance.created': return projection.created(manager, event);
        case 'instance.completed': await projection.ended(manager, event.processInstanceKey, 'completed'); return;
        case 'instance.terminated': await projection.ended(manager, event.processInstanceKey, 'terminated'); return;
        case 'incident.raised': return projection.incidentRaised(manager, event.incident);
        case 'incident.resolved': {
          if (!(await projection.incidentResolved(manager, event.incident))) return;
          const { key, elementId, type } = event.incident;
          await audit.append(manager, { actor: currentActor().username, action: 'incident.resolve', subjectType: 'ProcessInstance', subjectId: event.incident.processInstanceKey, payload: { incidentKey: key, elementId, type } });
          return;
        }
        case 'element.activated': return projection.elementActivated(manager, event);
        case 'element.completed': return projection.elementCompleted(manager, event);
        default:
      }
    },
  };
}
