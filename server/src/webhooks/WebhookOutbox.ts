import type { EntityManager } from 'typeorm';
import { WebhookDelivery } from './WebhookDelivery';
import { WebhookEvent } from './WebhookEvent';
import type { WebhookEventType } from './webhookEventTypes';
import { WebhookSubscription } from './WebhookSubscription';

/** An event as its cause reports it. */
export interface OutgoingEvent {
  type: WebhookEventType;
  /** Unique per cause, so a repeated cause writes nothing new. */
  key: string;
  processId: string | null;
  dealerId: string | null;
  data: Record<string, unknown>;
}

/** Whether a subscription wants an event. */
const wants = (subscription: WebhookSubscription, event: OutgoingEvent) => subscription.events.includes(event.type)
  && (subscription.processId === null || subscription.processId === event.processId)
  && (subscription.dealerId === null || subscription.dealerId === event.dealerId);

/**
 * The transactional outbox of webhooks: the event and one delivery per interested subscription
 * are written in the caller's transaction, so they exist exactly when the change that caused
 * them committed. Idempotent per event key and subscription.
 */
export class WebhookOutbox {
  /** Records `event` in `manager`'s transaction; returns how many deliveries it queued. */
  async record(manager: EntityManager, event: OutgoingEvent, now = new Date()): Promise<number> {
    const subscriptions = (await manager.find(WebhookSubscription, { where: { enabled: true } })).filter((s) => wants(s, event));
    if (subscriptions.length === 0) return 0;
    await manager.createQueryBuilder().insert().into(WebhookEvent).values({
      eventKey: event.key.slice(0, 191), type: event.type, processId: event.processId?.slice(0, 128) ?? null, dealerId: event.dealerId?.slice(0, 32) ?? null,
      data: JSON.stringify(event.data), createdAt: now,
    }).orIgnore().execute();
    const { id: eventId } = await manager.findOneOrFail(WebhookEvent, { where: { eventKey: event.key.slice(0, 191) }, select: { id: true } });
    await manager.createQueryBuilder().insert().into(WebhookDelivery).values(subscriptions.map((s) => ({
      eventId, subscriptionId: s.id, status: 'pending' as const, attempts: 0, nextAttemptAt: now, lockedUntil: null, lockedBy: null, deliveredAt: null, createdAt: now,
    }))).orIgnore().execute();
    return subscriptions.length;
  }
}
