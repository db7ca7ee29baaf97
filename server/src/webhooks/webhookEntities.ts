import { WebhookAttempt } from './WebhookAttempt';
import { WebhookDelivery } from './WebhookDelivery';
import { WebhookEvent } from './WebhookEvent';
import { WebhookSubscription } from './WebhookSubscription';

/** The entities the webhooks feature owns. */
export const webhookEntities = [WebhookSubscription, WebhookEvent, WebhookDelivery, WebhookAttempt];
