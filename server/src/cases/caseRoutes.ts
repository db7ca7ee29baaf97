import { Router } from '@koa/router';
import { caseRoutes as contract } from '@dealerflow/contract';
import type { CaseSearch } from './CaseSearch';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** The Cases page: the cases a user may read, searched by reference, VIN, customer, process, state and dates. */
export function caseRoutes(search: CaseSearch): Router {
  const router = new Router({ prefix: '/api' });
  contractRoute(router, contract.search, async (ctx, { query: { limit, ...filter } }) => search.page(requireUser(ctx), { ...filter, limit: limit === undefined ? undefined : Number(limit) }));
  contractRoute(router, contract.processes, async (ctx) => ({ items: await search.processes(requireUser(ctx)) }));
  return router;
}
