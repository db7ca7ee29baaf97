import { Router } from '@koa/router';
import type { TenderState } from '../../tenders/Tender';
import type { TenderService } from '../../tenders/TenderService';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const tenderFilter = validator<{ state?: TenderState }>({
  type: 'object',
  properties: { state: { enum: ['pending', 'locked', 'conflict', 'refused', 'lapsed', 'expired', 'won', 'lost'] } },
  additionalProperties: false,
});
const extendBody = validator<{ days: number; reason: string }>({
  type: 'object',
  properties: { days: { type: 'integer', minimum: 1, maximum: 90 }, reason: { type: 'string', minLength: 3, maxLength: 2000 } },
  required: ['days', 'reason'],
  additionalProperties: false,
});
const noQuery = validator<object>({ type: 'object', additionalProperties: false });

/** Tenders (dealers: their own; the distributor: all), the product catalog, and extending a lock once. */
export function tenderRoutes(tenders: TenderService): Router {
  const router = new Router({ prefix: '/api/tenders' });
  router.get('/', async (ctx) => {
    ctx.body = { items: await tenders.list(requireUser(ctx), tenderFilter({ ...ctx.query })) };
  });
  router.get('/products', async (ctx) => {
    requireUser(ctx);
    noQuery({ ...ctx.query });
    ctx.body = { items: await tenders.products() };
  });
  router.post('/:caseRef/extend', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await tenders.extend(user, ctx.params.caseRef, extendBody(ctx.request.body));
  });
  return router;
}
