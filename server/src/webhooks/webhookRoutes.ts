import { Router } from '@koa/router';
import { webhookRoutes as contract } from '@dealerflow/contract';
import { NotFoundError } from '../errors/AppError';
import { contractRoute } from '../http/contractRoute';
import { isoDates } from '../http/isoDates';
import { requireUser } from '../http/requireUser';
import type { WebhookService } from './WebhookService';

/** A delivery id from the path; anything but a positive whole number names no delivery. */
const deliveryId = (raw: string): number => {
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new NotFoundError('Webhook delivery', raw.slice(0, 40));
  return Number(raw);
};

/** `/api/webhooks`: outgoing webhook subscriptions, their delivery log and manual redelivery, for admins. */
export function webhookRoutes(webhooks: WebhookService): Router {
  const router = new Router({ prefix: '/api/webhooks' });
  contractRoute(router, contract.list, async (ctx) => ({ items: isoDates(await webhooks.list(requireUser(ctx))) }));
  contractRoute(router, contract.create, async (ctx, { body }) => isoDates(await webhooks.create(requireUser(ctx), body)));
  contractRoute(router, contract.disable, async (ctx, { params }) => isoDates(await webhooks.disable(requireUser(ctx), params.id)));
  contractRoute(router, contract.enable, async (ctx, { params }) => isoDates(await webhooks.enable(requireUser(ctx), params.id)));
  contractRoute(router, contract.deliveries, async (ctx, { params }) => ({ items: isoDates(await webhooks.deliveries(requireUser(ctx), params.id)) }));
  contractRoute(router, contract.redeliver, async (ctx, { params }) => webhooks.redeliver(requireUser(ctx), deliveryId(params.deliveryId)));
  return router;
}
