import { defineModule } from '../modules/FeatureModule';
import { Webhooks1734900000000 } from './1734900000000-Webhooks';
import { webhookEntities } from './webhookEntities';
import { createWebhookParts } from './webhookParts';
import { webhookRoutes } from './webhookRoutes';
import { webhooksOnEngineEvents } from './webhooksOnEngineEvents';

/** Outgoing webhooks: subscriptions for admins, and the outbox engine events and other causes write to. */
export const webhooksModule = defineModule({
  name: 'webhooks',
  entities: webhookEntities,
  migrations: [Webhooks1734900000000],
  needs: ['audit'],
  makes: ['webhooks'],
  services: ({ dataSource, options, audit }) => ({ webhooks: createWebhookParts(dataSource, audit, options.webhooks) }),
  routes: (s) => [webhookRoutes(s.webhooks.service)],
  feed: (s) => [webhooksOnEngineEvents(s.webhooks.outbox)],
});
