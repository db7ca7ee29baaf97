import type { AuditTrail } from '../audit/AuditTrail';
import type { NotificationService } from '../notifications/NotificationService';
import type { DisabledListener } from './WebhookDeliveryWorker';

/** In the transaction that disables a failing subscription: one audit entry, and a notification to every process admin. */
export function tellAdminsWebhookDisabled(notifications: NotificationService, audit: AuditTrail): DisabledListener {
  return async (manager, subscription, failures) => {
    await audit.append(manager, { actor: 'system', action: 'webhook.disable', subjectType: 'Webhook', subjectId: subscription.id, payload: { reason: 'failures', failures } });
    await notifications.notify(manager, {
      recipients: { groups: ['process-admin'] },
      kind: 'webhook.disabled',
      params: { url: subscription.url, failures },
      link: '/webhooks',
      cause: `webhook.disabled:${subscription.id}:${Date.now()}`,
    });
  };
}
