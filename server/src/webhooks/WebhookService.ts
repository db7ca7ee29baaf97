import { randomBytes } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { Dealer } from '../entities/Dealer';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/AppError';
import { RefusedTarget, type AddressPolicy } from './addressPolicy';
import { newSigningSecret, type SecretBox } from './secretBox';
import { WebhookAttempt } from './WebhookAttempt';
import { WebhookDelivery } from './WebhookDelivery';
import { WebhookEvent } from './WebhookEvent';
import type { WebhookEventType } from './webhookEventTypes';
import { WebhookSubscription } from './WebhookSubscription';

/** What an admin asks for. */
export interface NewWebhook {
  url: string;
  events: WebhookEventType[];
  processId?: string | null;
  dealerId?: string | null;
}

/** A subscription as the API lists it: never its secret. */
export type WebhookDto = Omit<WebhookSubscription, 'secretSealed'> & { dealerName: string | null };

/** A delivery with its event and its attempts, newest attempt last. */
export interface DeliveryDto {
  id: number;
  eventId: string;
  eventType: string;
  status: WebhookDelivery['status'];
  attempts: Omit<WebhookAttempt, 'deliveryId'>[];
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** The deliveries the log lists at most. */
const LOG_LIMIT = 100;

/** Webhook subscriptions for admins: each change one audited transaction; the delivery log; manual redelivery. */
export class WebhookService {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail, private readonly policy: AddressPolicy, private readonly secrets: SecretBox) {}

  /** Every subscription, newest first; needs `read Webhook`. */
  async list(user: CurrentUser): Promise<WebhookDto[]> {
    if (user.ability.cannot('read', 'Webhook')) throw new ForbiddenError('You may not see webhooks');
    const rows = await this.dataSource.getRepository(WebhookSubscription).find({ order: { createdAt: 'DESC', id: 'ASC' } });
    const dealerIds = [...new Set(rows.map((r) => r.dealerId).filter((id) => id !== null))];
    const names = new Map((dealerIds.length ? await this.dataSource.getRepository(Dealer).findBy({ id: In(dealerIds) }) : []).map((d) => [d.id, d.name]));
    return rows.map((row) => ({ ...row, dealerName: row.dealerId ? names.get(row.dealerId) ?? null : null }));
  }

  /** Creates a subscription after checking where its URL resolves; the answer carries the signing secret, shown this once. */
  async create(user: CurrentUser, request: NewWebhook): Promise<{ webhook: WebhookDto; secret: string }> {
    if (user.ability.cannot('create', 'Webhook')) throw new ForbiddenError('You may not create webhooks');
    try {
      const url = this.policy.parse(request.url);
      await this.policy.resolve(url.hostname);
    } catch (error) {
      if (error instanceof RefusedTarget) throw new ValidationError(error.message, [{ field: 'url', message: error.reason === 'address' ? 'points at a private, local or metadata address' : error.message }]);
      throw error;
    }
    const secret = newSigningSecret();
    const row = Object.assign(new WebhookSubscription(), {
      id: `wh_${randomBytes(12).toString('base64url').replace(/[-_]/g, '').slice(0, 16)}`, url: request.url, events: [...new Set(request.events)],
      processId: request.processId || null, dealerId: request.dealerId || null, secretSealed: this.secrets.seal(secret), enabled: true, consecutiveFailures: 0,
      disabledAt: null, disabledBy: null, createdBy: user.username, createdAt: new Date(),
    });
    const dealerName = await this.dataSource.transaction(async (manager) => {
      const dealer = row.dealerId === null ? null : await manager.findOneBy(Dealer, { id: row.dealerId });
      if (row.dealerId !== null && !dealer) throw new ValidationError(`No dealer ${row.dealerId}`, [{ field: 'dealerId', message: 'names no dealer' }]);
      await manager.insert(WebhookSubscription, row);
      await this.audit.append(manager, { actor: user.username, action: 'webhook.create', subjectType: 'Webhook', subjectId: row.id, payload: { url: row.url, events: row.events, processId: row.processId, dealerId: row.dealerId } });
      return dealer?.name ?? null;
    });
    const { secretSealed: _sealed, ...shown } = row;
    return { webhook: { ...shown, dealerName }, secret };
  }

  /** Stops deliveries to a subscription (its pending ones wait until it is enabled again); 409 when it is already disabled. */
  async disable(user: CurrentUser, id: string): Promise<WebhookDto> {
    if (user.ability.cannot('update', 'Webhook')) throw new ForbiddenError('You may not change webhooks');
    await this.switchTo(user, id, false);
    return this.one(user, id);
  }

  /** Resumes a disabled subscription with a clean failure count; 409 when it is enabled. */
  async enable(user: CurrentUser, id: string): Promise<WebhookDto> {
    if (user.ability.cannot('update', 'Webhook')) throw new ForbiddenError('You may not change webhooks');
    await this.switchTo(user, id, true);
    return this.one(user, id);
  }

  /** The latest deliveries of a subscription with their attempts. */
  async deliveries(user: CurrentUser, id: string): Promise<DeliveryDto[]> {
    if (user.ability.cannot('read', 'Webhook')) throw new ForbiddenError('You may not see webhooks');
    if (!(await this.dataSource.getRepository(WebhookSubscription).existsBy({ id }))) throw new NotFoundError('Webhook', id);
    const deliveries = await this.dataSource.getRepository(WebhookDelivery).find({ where: { subscriptionId: id }, order: { id: 'DESC' }, take: LOG_LIMIT });
    if (deliveries.length === 0) return [];
    const events = new Map((await this.dataSource.getRepository(WebhookEvent).find({ where: { id: In(deliveries.map((d) => d.eventId)) }, select: { id: true, type: true } })).map((e) => [e.id, e]));
    const attempts = await this.dataSource.getRepository(WebhookAttempt).find({ where: { deliveryId: In(deliveries.map((d) => d.id)) }, order: { id: 'ASC' } });
    return deliveries.map((d) => ({
      id: d.id, eventId: `evt_${d.eventId}`, eventType: events.get(d.eventId)?.type ?? '', status: d.status, nextAttemptAt: d.nextAttemptAt, deliveredAt: d.deliveredAt, createdAt: d.createdAt,
      attempts: attempts.filter((a) => a.deliveryId === d.id).map(({ deliveryId: _d, ...attempt }) => attempt),
    }));
  }

  /** Sends a delivery again soon (the worker picks it up); 409 while it is being sent or its subscription is disabled. */
  async redeliver(user: CurrentUser, deliveryId: number): Promise<{ id: number; status: 'pending' }> {
    if (user.ability.cannot('update', 'Webhook')) throw new ForbiddenError('You may not change webhooks');
    return this.dataSource.transaction(async (manager) => {
      const delivery = await manager.findOneBy(WebhookDelivery, { id: deliveryId });
      if (!delivery) throw new NotFoundError('Webhook delivery', String(deliveryId));
      const subscription = await manager.findOneBy(WebhookSubscription, { id: delivery.subscriptionId });
      if (!subscription?.enabled) throw new ConflictError('The webhook is disabled; enable it before redelivering', { subscriptionId: delivery.subscriptionId });
      const now = new Date();
      const queued = await manager.createQueryBuilder().update(WebhookDelivery).set({ status: 'pending', nextAttemptAt: now })
        .where('id = :id AND (lockedUntil IS NULL OR lockedUntil < :now) AND NOT (status = :pending AND nextAttemptAt <= :now)', { id: deliveryId, now, pending: 'pending' }).execute();
      if (queued.affected !== 1) throw new ConflictError('The delivery is being sent or already due', { id: deliveryId });
      await this.audit.append(manager, { actor: user.username, action: 'webhook.redeliver', subjectType: 'Webhook', subjectId: delivery.subscriptionId, payload: { deliveryId, eventId: delivery.eventId, previousStatus: delivery.status } });
      return { id: deliveryId, status: 'pending' as const };
    });
  }

  private async switchTo(user: CurrentUser, id: string, enabled: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(WebhookSubscription, { id }))) throw new NotFoundError('Webhook', id);
      const changed = await manager.createQueryBuilder().update(WebhookSubscription)
        .set(enabled ? { enabled: true, consecutiveFailures: 0, disabledAt: null, disabledBy: null } : { enabled: false, disabledAt: new Date(), disabledBy: user.username })
        .where('id = :id AND enabled = :was', { id, was: enabled ? 0 : 1 }).execute();
      if (changed.affected !== 1) throw new ConflictError(enabled ? 'The webhook is already enabled' : 'The webhook is already disabled', { id });
      await this.audit.append(manager, { actor: user.username, action: enabled ? 'webhook.enable' : 'webhook.disable', subjectType: 'Webhook', subjectId: id, payload: {} });
    });
  }

  private async one(user: CurrentUser, id: string): Promise<WebhookDto> {
    const found = (await this.list(user)).find((w) => w.id === id);
    if (!found) throw new NotFoundError('Webhook', id);
    return found;
  }
}
