import type { WebhookEventType } from '@dealerflow/contract';

/** The events a subscription may listen to: the contract's list, held here as a value because the web app takes only types from the contract. */
export const webhookEventTypes = ['task.created', 'task.completed', 'instance.completed', 'instance.cancelled', 'incident.raised', 'lead.assigned'] as const satisfies readonly WebhookEventType[];

/** A subscription as `GET /api/webhooks` lists it, what creating one answers (with its signing secret, shown once), and the delivery log's deliveries and attempts. */
export type { CreatedWebhook, Webhook as WebhookRow, WebhookAttempt as AttemptRow, WebhookDelivery as DeliveryRow } from '@dealerflow/contract';
