import { Router } from '@koa/router';
import { NotFoundError } from '../errors/AppError';
import { requireUser } from '../http/requireUser';
import { validator } from '../http/validate';
import { WEBHOOK_EVENT_TYPES } from './webhookEventTypes';
import type { NewWebhook, WebhookService } from './WebhookService';

const newWebhookRequest = validator<NewWebhook>({
  type: 'object',
  properties: {
    url: { type: 'string', minLength: 8, maxLength: 2000, pattern: '^https?://\\S+$' },
    events: { type: 'array', minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, items: { enum: [...WEBHOOK_EVENT_TYPES] } },
    processId: { anyOf: [{ type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' }, { type: 'null' }] },
    dealerId: { anyOf: [{ type: 'string', minLength: 1, maxLength: 32 }, { type: 'null' }] },
  },
  required: ['url', 'events'],
  additionalProperties: false,
});

/** A delivery id from the path; anything but a positive whole number names no delivery. */
const deliveryId = (raw: string): number => {
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new NotFoundError('Webhook delivery', raw.slice(0, 40));
  return Number(raw);
};

/** `/api/webhooks`: outgoing webhook subscriptions, their delivery log and manual redelivery, for admins. */
export function webhookRoutes(webhooks: WebhookService): Router {
  const router = new Router({ prefix: '/api/webhooks' });
  router.get('/', async (ctx) => {
    ctx.body = { items: await webhooks.list(requireUser(ctx)) };
  });
  router.post('/', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await webhooks.create(user, newWebhookRequest(ctx.request.body));
    ctx.status = 201;
  });
  router.post('/:id/disable', async (ctx) => {
    ctx.body = await webhooks.disable(requireUser(ctx), ctx.params.id);
  });
  router.post('/:id/enable', async (ctx) => {
    ctx.body = await webhooks.enable(requireUser(ctx), ctx.params.id);
  });
  router.get('/:id/deliveries', async (ctx) => {
    ctx.body = { items: await webhooks.deliveries(requireUser(ctx), ctx.params.id) };
  });
  router.post('/deliveries/:deliveryId/redeliver', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await webhooks.redeliver(user, deliveryId(ctx.params.deliveryId));
    ctx.status = 202;
  });
  return router;
}
