import { AsyncLocalStorage } from 'node:async_hooks';
import type { ProcessEngine, Unsubscribe } from '@dealerflow/engine';
import type { EntityManager } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import { currentActor } from '../engine/actorContext';

const fromApi = new AsyncLocalStorage<true>();

/**
 * Runs `work` so that the messages it publishes are audited. Only messages sent through
 * `/api/messages` are: other publishers (a cancelled vehicle request) audit their own command.
 */
export function auditingMessages<T>(work: () => Promise<T>): Promise<T> {
  return fromApi.run(true, work);
}

/**
 * Records each audited message inside the engine step's transaction, so the message's effect
 * and its one audit entry commit together (and a rolled-back step, e.g. a duplicate, records nothing).
 */
export function auditMessages(engine: ProcessEngine, audit: AuditTrail): Unsubscribe {
  return engine.on('message.published', async (event, ctx) => {
    if (!fromApi.getStore()) return;
    if (!ctx.transaction) throw new Error('The engine published a message without a transaction; message audit needs the embedded engine with the SQL store');
    const reached = event.processInstanceKey;
    await audit.append(ctx.transaction as EntityManager, {
      actor: currentActor().username,
      action: event.mode === 'correlate' ? 'message.correlate' : 'message.publish',
      subjectType: reached ? 'ProcessInstance' : 'Message',
      subjectId: reached ?? event.messageKey,
      payload: { name: event.name, correlationKey: event.correlationKey, messageKey: event.messageKey, ...(event.messageId ? { messageId: event.messageId } : {}) },
    });
  });
}
