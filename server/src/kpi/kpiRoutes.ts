import { Router } from '@koa/router';
import { kpiRoutes as contract } from '@dealerflow/contract';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';
import type { KpiService } from './KpiService';
import { monthOf } from './kpiMeasures';

/** `/api/kpi`: dealer KPIs of a month (this month when none is given) and setting their plans. */
export function kpiRoutes(kpi: KpiService): Router {
  const router = new Router({ prefix: '/api/kpi' });
  contractRoute(router, contract.report, async (ctx, { query }) => kpi.report(requireUser(ctx), { month: query.month ?? monthOf(new Date()), dealerId: query.dealerId }));
  contractRoute(router, contract.savePlans, async (ctx, { body }) => kpi.savePlans(requireUser(ctx), body));
  return router;
}
