/** The events outside systems may subscribe to. */
export const WEBHOOK_EVENT_TYPES = ['task.created', 'task.completed', 'instance.completed', 'instance.cancelled', 'incident.raised', 'lead.assigned'] as const;

/** One of them. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
