import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditTrail } from '../audit/AuditTrail';
import { currentActor } from '../engine/actorContext';
import type { FeedConsumer } from '../engine/engineEventFeed';

const fromApi = new AsyncLocalStorage<true>();

/**
 * Runs `work` so that the messages it publishes are audited. Only messages sent through
 * `/api/messages` are: other publishers (a cancelled vehicle request) audit their own command.
 */
export function auditingMessages<T>(work: () => Promise<T>): Promise<T> {
  return fromApi.run(true, work);
}

/**
 * Records each audited message in the transaction its publication is applied in, so the
 * message's effect and its one audit entry commit together (and a rolled-back step, e.g. a
 * duplicate, records nothing). The feed records each message it audited: one entry per message.
 */
export function auditMessages(audit: AuditTrail): FeedConsumer {
  return {
    name: 'message-audit',
    types: ['message.published'],
    once: 'recorded',
    wants: () => fromApi.getStore() === true,
    async consume(event, manager) {
      if (event.type !== 'message.published') return;
      const reached = event.processInstanceKey;
      await audit.append(manager, {
        actor: currentActor().username,
        action: event.mode === 'correlate' ? 'message.correlate' : 'message.publish',
        subjectType: reached ? 'ProcessInstance' : 'Message',
        subjectId: reached ?? event.messageKey,
        payload: { name: event.name, correlationKey: event.correlationKey, messageKey: event.messageKey, ...(event.messageId ? { messageId: event.messageId } : {}) },
      });
    },
  };
}
