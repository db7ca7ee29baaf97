import { Router } from '@koa/router';
import type { TenderState } from '../../tenders/Tender';
import type { NewTenderProduct, TenderCatalog, TenderProductChange } from '../../tenders/TenderCatalog';
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
const productName = { type: 'string', minLength: 1, maxLength: 128, pattern: '\\S' };
const sortOrder = { type: 'integer', minimum: 0, maximum: 100000 };
const newProduct = validator<NewTenderProduct>({
  type: 'object',
  properties: { code: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9_-]{0,31}$' }, name: productName, sortOrder },
  required: ['code', 'name'],
  additionalProperties: false,
});
const productChange = validator<TenderProductChange>({
  type: 'object',
  properties: { name: productName, sortOrder, active: { type: 'boolean' } },
  minProperties: 1,
  additionalProperties: false,
});

/** Tenders (dealers: their own; the distributor: all), the product catalog and its upkeep, and extending a lock once. */
export function tenderRoutes(tenders: TenderService, catalog: TenderCatalog): Router {
  const router = new Router({ prefix: '/api/tenders' });
  router.get('/', async (ctx) => {
    ctx.body = { items: await tenders.list(requireUser(ctx), tenderFilter({ ...ctx.query })) };
  });
  router.get('/products', async (ctx) => {
    requireUser(ctx);
    noQuery({ ...ctx.query });
    ctx.body = { items: await catalog.list() };
  });
  router.post('/products', async (ctx) => {
    ctx.body = await catalog.create(requireUser(ctx), newProduct(ctx.request.body));
    ctx.status = 201;
  });
  router.patch('/products/:code', async (ctx) => {
    ctx.body = await catalog.update(requireUser(ctx), ctx.params.code, productChange(ctx.request.body));
  });
  router.post('/:caseRef/extend', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await tenders.extend(user, ctx.params.caseRef, extendBody(ctx.request.body));
  });
  return router;
}
