import type { AuditTrail } from '../audit/AuditTrail';
import { currentActor } from './actorContext';
import type { FeedConsumer } from './engineEventFeed';

/**
 * The audit entries of an instance's start, end and incidents. An appended entry has no key of
 * its own, so the feed records each event it applied: one entry per event.
 */
export function auditEngineEvents(audit: AuditTrail): FeedConsumer {
  const actor = () => currentActor().username;
  return {
    name: 'engine-audit',
    types: ['instance.created', 'instance.completed', 'instance.terminated', 'incident.raised'],
    once: 'recorded',
    async consume(event, manager) {
      switch (event.type) {
        case 'instance.created':
          await audit.append(manager, { actor: actor(), action: 'instance.start', subjectType: 'ProcessInstance', subjectId: event.processInstanceKey, payload: { bpmnProcessId: event.bpmnProcessId, version: event.version } });
          return;
        case 'instance.completed':
          await audit.append(manager, { actor: actor(), action: 'instance.complete', subjectType: 'ProcessInstance', subjectId: event.processInstanceKey, payload: { bpmnProcessId: event.bpmnProcessId } });
          return;
        case 'instance.terminated':
          await audit.append(manager, { actor: actor(), action: 'instance.terminate', subjectType: 'ProcessInstance', subjectId: event.processInstanceKey, payload: { bpmnProcessId: event.bpmnProcessId } });
          return;
        case 'incident.raised':
          await audit.append(manager, { actor: 'system', action: 'incident.raise', subjectType: 'ProcessInstance', subjectId: event.incident.processInstanceKey, payload: { elementId: event.incident.elementId, type: event.incident.type, message: event.incident.message } });
          return;
        default:
      }
    },
  };
}
