import { Router } from '@koa/router';
import type { AllocationService, StockFilter } from '../../allocation/AllocationService';
import type { ReservationState } from '../../allocation/Reservation';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const text = { type: 'string', minLength: 1, maxLength: 64 };
const stockFilter = validator<StockFilter>({
  type: 'object',
  properties: { model: text, trim: text, colour: text, warehouse: text, status: { enum: ['free', 'reserved', 'allocated', 'ordered'] } },
  additionalProperties: false,
});
const reservationFilter = validator<{ state?: ReservationState }>({
  type: 'object',
  properties: { state: { enum: ['pending', 'allocated', 'ordered', 'released', 'expired'] } },
  additionalProperties: false,
});
const cancelBody = validator<{ reason: string }>({
  type: 'object',
  properties: { reason: { type: 'string', minLength: 3, maxLength: 2000 } },
  required: ['reason'],
  additionalProperties: false,
});
const noQuery = validator<object>({ type: 'object', additionalProperties: false });

/** Vehicle stock, reservations (with cancel), orders and a dealer's exposure. */
export function allocationRoutes(allocation: AllocationService): Router {
  const router = new Router({ prefix: '/api' });
  router.get('/stock', async (ctx) => {
    ctx.body = { items: await allocation.stock(requireUser(ctx), stockFilter({ ...ctx.query })) };
  });
  router.get('/reservations', async (ctx) => {
    ctx.body = { items: await allocation.reservations(requireUser(ctx), reservationFilter({ ...ctx.query }).state) };
  });
  router.post('/reservations/:caseRef/cancel', async (ctx) => {
    const user = requireUser(ctx);
    await allocation.cancel(user, ctx.params.caseRef, cancelBody(ctx.request.body).reason);
    ctx.status = 202;
  });
  router.get('/orders', async (ctx) => {
    noQuery({ ...ctx.query });
    ctx.body = { items: await allocation.orders(requireUser(ctx)) };
  });
  router.get('/finance/exposure/:dealerId', async (ctx) => {
    ctx.body = await allocation.exposure(requireUser(ctx), ctx.params.dealerId);
  });
  return router;
}
