import { Router } from '@koa/router';
import { dashboardRoutes as contract } from '@dealerflow/contract';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';
import type { DashboardService } from './DashboardService';

/** `/api/dashboard`: the process admin's overview. */
export function dashboardRoutes(dashboard: DashboardService): Router {
  const router = new Router({ prefix: '/api/dashboard' });
  contractRoute(router, contract.summary, async (ctx) => dashboard.summary(requireUser(ctx)));
  return router;
}
