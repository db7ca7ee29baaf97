import { Router } from '@koa/router';
import { dealerRoutes as contract, type Dealer } from '@dealerflow/contract';
import type { DealerService } from './DealerService';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** Dealers: list, read, change (field by field as permitted); each masked to what the reader may see. */
export function dealerRoutes(dealers: DealerService): Router {
  const router = new Router({ prefix: '/api/dealers' });
  contractRoute(router, contract.list, async (ctx) => ({ items: (await dealers.list(requireUser(ctx))) as Dealer[] }));
  contractRoute(router, contract.get, async (ctx, { params }) => (await dealers.get(requireUser(ctx), params.id)) as Dealer);
  contractRoute(router, contract.update, async (ctx, { params, body }) => (await dealers.update(requireUser(ctx), params.id, body)) as Dealer);
  return router;
}
