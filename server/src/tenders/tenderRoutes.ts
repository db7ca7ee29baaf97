import { Router } from '@koa/router';
import { tenderRoutes as contract } from '@dealerflow/contract';
import type { TenderCatalog } from './TenderCatalog';
import type { TenderRow, TenderService } from './TenderService';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** A tender as the API writes it. */
const dto = (row: TenderRow) => ({ ...row, appliedAt: row.appliedAt.toISOString(), heldUntil: row.heldUntil?.toISOString() ?? null, conflictUntil: row.conflictUntil?.toISOString() ?? null });

/** Tenders (dealers: their own; the distributor: all), the product catalog and its upkeep, and extending a lock once. */
export function tenderRoutes(tenders: TenderService, catalog: TenderCatalog): Router {
  const router = new Router({ prefix: '/api/tenders' });
  contractRoute(router, contract.list, async (ctx, { query }) => ({ items: (await tenders.list(requireUser(ctx), query)).map(dto) }));
  contractRoute(router, contract.products, async (ctx) => {
    requireUser(ctx);
    return { items: await catalog.list() };
  });
  contractRoute(router, contract.addProduct, async (ctx, { body }) => catalog.create(requireUser(ctx), body));
  contractRoute(router, contract.changeProduct, async (ctx, { params, body }) => catalog.update(requireUser(ctx), params.code, body));
  contractRoute(router, contract.extend, async (ctx, { params, body }) => tenders.extend(requireUser(ctx), params.caseRef, body));
  return router;
}
