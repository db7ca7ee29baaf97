/** The events a subscription may listen to (the server's list). */
export const webhookEventTypes = ['task.created', 'task.completed', 'instance.completed', 'instance.cancelled', 'incident.raised', 'lead.assigned'] as const;

/** A subscription as GET /api/webhooks lists it. */
export interface WebhookRow {
  id: string;
  url: string;
  events: string[];
  processId: string | null;
  dealerId: string | null;
  dealerName: string | null;
  enabled: boolean;
  consecutiveFailures: number;
  disabledAt: string | null;
  disabledBy: string | null;
  createdBy: string;
  createdAt: string;
}

/** What POST /api/webhooks answers: the subscription and its signing secret, shown once. */
export interface CreatedWebhook {
  webhook: WebhookRow;
  secret: string;
}

/** One try of a delivery. */
export interface AttemptRow {
  id: number;
  at: string;
  outcome: 'ok' | 'failed';
  responseCode: number | null;
  error: string | null;
  durationMs: number;
  responseExcerpt: string | null;
}

/** One event for one subscription, with its attempts. */
export interface DeliveryRow {
  id: number;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: AttemptRow[];
  nextAttemptAt: string;
  deliveredAt: string | null;
  createdAt: string;
}
