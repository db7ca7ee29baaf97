import { webhookEventTypes, type WebhookEventType as ContractEventType } from '@dealerflow/contract';

/** The events outside systems may subscribe to: the API contract's list. */
export const WEBHOOK_EVENT_TYPES = webhookEventTypes;

/** One of them. */
export type WebhookEventType = ContractEventType;
