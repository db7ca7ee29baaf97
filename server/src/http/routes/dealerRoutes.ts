import { Router } from '@koa/router';
import type { DealerPatch, DealerService } from '../../dealers/DealerService';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const dealerPatch = validator<DealerPatch>({
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    region: { type: 'string', minLength: 1, maxLength: 100 },
    territoryCodes: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9-]{1,16}$' }, maxItems: 500, uniqueItems: true },
    rating: { type: 'number', minimum: 0, maximum: 5 },
    creditLimit: { type: 'number', minimum: 0, maximum: 1e12 },
  },
  additionalProperties: false,
  minProperties: 1,
});

/** Dealers: list, read, change (field by field as permitted). */
export function dealerRoutes(dealers: DealerService): Router {
  const router = new Router({ prefix: '/api/dealers' });
  router.get('/', async (ctx) => {
    ctx.body = { items: await dealers.list(requireUser(ctx)) };
  });
  router.get('/:id', async (ctx) => {
    ctx.body = await dealers.get(requireUser(ctx), ctx.params.id);
  });
  router.patch('/:id', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await dealers.update(user, ctx.params.id, dealerPatch(ctx.request.body));
  });
  return router;
}
