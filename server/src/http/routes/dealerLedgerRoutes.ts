import { Router } from '@koa/router';
import type { Booking, DealerLedgerService } from '../../finance/DealerLedgerService';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const booking = validator<Booking>({
  type: 'object',
  properties: {
    kind: { enum: ['invoice', 'payment'] },
    reference: { type: 'string', minLength: 1, maxLength: 64, pattern: '\\S' },
    amount: { type: 'number', exclusiveMinimum: 0, maximum: 1e12, multipleOf: 0.01 },
    bookedAt: { type: 'string', format: 'date' },
  },
  required: ['kind', 'reference', 'amount', 'bookedAt'],
  additionalProperties: false,
});

/** A dealer's open-debt ledger and overdrafts; invoices and payments booked by master data administrators. */
export function dealerLedgerRoutes(ledger: DealerLedgerService): Router {
  const router = new Router({ prefix: '/api/finance/ledger/:dealerId' });
  router.get('/', async (ctx) => {
    ctx.body = await ledger.ledger(requireUser(ctx), ctx.params.dealerId);
  });
  router.post('/', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await ledger.book(user, ctx.params.dealerId, booking(ctx.request.body));
    ctx.status = 201;
  });
  return router;
}
