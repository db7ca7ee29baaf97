import { randomBytes } from 'node:crypto';
import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import type { AddressPolicy } from './addressPolicy';
import { postWebhook, type PostResult } from './postWebhook';
import type { SecretBox } from './secretBox';
import { WebhookAttempt } from './WebhookAttempt';
import { WebhookDelivery } from './WebhookDelivery';
import { WebhookEvent } from './WebhookEvent';
import { signatureHeader, SIGNATURE_HEADER } from './webhookSignature';
import { WebhookSubscription } from './WebhookSubscription';

/** Retry, lease and give-up settings of the worker. */
export interface DeliveryWorkerOptions {
  maxAttempts: number;
  firstRetryMs: number;
  disableAfterFailures: number;
  timeoutMs: number;
  /** Deliveries one tick sends at most. */
  batch?: number;
  /** Random in [0, 1) for the back-off's jitter (tests pin it). */
  random?: () => number;
}

/** Called in the transaction that disables a subscription after too many failures (tells the admins). */
export type DisabledListener = (manager: EntityManager, subscription: WebhookSubscription, failures: number) => Promise<void>;

const MAX_BACKOFF_MS = 6 * 3600_000;

/** The body receivers get: the event with its id, type, time and data. */
export const webhookBody = (event: WebhookEvent): string => JSON.stringify({ id: `evt_${event.id}`, type: event.type, createdAt: event.createdAt.toISOString(), data: JSON.parse(event.data) as unknown });

/**
 * Delivers the webhook outbox. A delivery is leased to one worker by a conditional update, so
 * two servers never send it both; every try is logged; failures retry with exponential
 * back-off and full jitter until the last attempt; a subscription failing N times in a row is
 * disabled and the admins are told.
 */
export class WebhookDeliveryWorker {
  /** This worker's name on the leases it holds. */
  readonly id = randomBytes(8).toString('hex');
  private readonly batch: number;
  private readonly random: () => number;

  constructor(private readonly dataSource: DataSource, private readonly policy: AddressPolicy, private readonly secrets: SecretBox, private readonly options: DeliveryWorkerOptions, private readonly onDisabled?: DisabledListener) {
    this.batch = options.batch ?? 20;
    this.random = options.random ?? Math.random;
  }

  /** Sends what is due at `now`; returns how many were received and how many failed this time. */
  async tick(now = new Date()): Promise<{ delivered: number; failed: number }> {
    const due: { id: number }[] = await this.dataSource.getRepository(WebhookDelivery).createQueryBuilder('d').select('d.id', 'id')
      .innerJoin(WebhookSubscription, 's', 's.id = d.subscriptionId AND s.enabled = :on', { on: 1 })
      .where('d.status = :pending AND d.nextAttemptAt <= :now', { pending: 'pending', now })
      .andWhere(new Brackets((free) => free.where('d.lockedUntil IS NULL').orWhere('d.lockedUntil < :now', { now })))
      .orderBy('d.nextAttemptAt').addOrderBy('d.id').limit(this.batch).getRawMany();
    let delivered = 0;
    let failed = 0;
    for (const { id } of due) {
      const outcome = await this.deliver(Number(id), now);
      if (outcome === 'delivered') delivered += 1;
      if (outcome === 'failed') failed += 1;
    }
    return { delivered, failed };
  }

  /** Takes the lease on one delivery and sends it; 'skipped' when another worker holds it or it is no longer due. */
  async deliver(id: number, now = new Date()): Promise<'delivered' | 'failed' | 'skipped'> {
    const lease = new Date(now.getTime() + this.options.timeoutMs * 3 + 30_000);
    const held = await this.dataSource.createQueryBuilder().update(WebhookDelivery).set({ lockedUntil: lease, lockedBy: this.id })
      .where('id = :id AND status = :pending AND (lockedUntil IS NULL OR lockedUntil < :now)', { id, pending: 'pending', now }).execute();
    if (held.affected !== 1) return 'skipped';
    const delivery = await this.dataSource.getRepository(WebhookDelivery).findOneByOrFail({ id });
    const subscription = await this.dataSource.getRepository(WebhookSubscription).createQueryBuilder('s').addSelect('s.secretSealed').where('s.id = :id', { id: delivery.subscriptionId }).getOne();
    if (!subscription?.enabled) {
      // Disabled meanwhile: the delivery waits for the subscription to be enabled again.
      await this.dataSource.getRepository(WebhookDelivery).update({ id, lockedBy: this.id }, { lockedUntil: null, lockedBy: null });
      return 'skipped';
    }
    const event = await this.dataSource.getRepository(WebhookEvent).findOneByOrFail({ id: delivery.eventId });
    const body = webhookBody(event);
    const result = await postWebhook(this.policy, subscription.url, body, {
      [SIGNATURE_HEADER]: signatureHeader(this.secrets.open(subscription.secretSealed), body, new Date()),
      'Dealerflow-Event': event.type,
      'Dealerflow-Event-Id': `evt_${event.id}`,
      'Dealerflow-Delivery': String(delivery.id),
    }, this.options.timeoutMs);
    await this.dataSource.transaction((manager) => this.record(manager, delivery, subscription, result, now));
    return result.ok ? 'delivered' : 'failed';
  }

  /** Logs the attempt and moves the delivery and its subscription on, in one transaction. */
  private async record(manager: EntityManager, delivery: WebhookDelivery, subscription: WebhookSubscription, result: PostResult, now: Date): Promise<void> {
    const attempts = delivery.attempts + 1;
    await manager.insert(WebhookAttempt, { deliveryId: delivery.id, at: new Date(), outcome: result.ok ? 'ok' : 'failed', responseCode: result.responseCode, error: result.error, durationMs: result.durationMs, responseExcerpt: result.excerpt });
    const mine = { id: delivery.id, lockedBy: this.id };
    if (result.ok) {
      await manager.update(WebhookDelivery, mine, { status: 'delivered', attempts, deliveredAt: new Date(), lockedUntil: null, lockedBy: null });
      await manager.update(WebhookSubscription, { id: subscription.id }, { consecutiveFailures: 0 });
      return;
    }
    const giveUp = attempts >= this.options.maxAttempts;
    await manager.update(WebhookDelivery, mine, { status: giveUp ? 'failed' : 'pending', attempts, nextAttemptAt: new Date(now.getTime() + this.backoff(attempts)), lockedUntil: null, lockedBy: null });
    await manager.createQueryBuilder().update(WebhookSubscription).set({ consecutiveFailures: () => 'consecutiveFailures + 1' }).where({ id: subscription.id }).execute();
    const limit = this.options.disableAfterFailures;
    const disabled = await manager.createQueryBuilder().update(WebhookSubscription).set({ enabled: false, disabledAt: new Date(), disabledBy: 'failures' })
      .where('id = :id AND enabled = :on AND consecutiveFailures >= :limit', { id: subscription.id, on: 1, limit }).execute();
    if (disabled.affected === 1 && this.onDisabled) await this.onDisabled(manager, subscription, limit);
  }

  /** Exponential with jitter: between half and all of the doubled base, so retries of many deliveries spread out; never under a second. */
  private backoff(attempts: number): number {
    const ceiling = Math.min(this.options.firstRetryMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
    return Math.max(1000, Math.round(ceiling * (0.5 + this.random() / 2)));
  }
}
