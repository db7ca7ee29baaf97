import { Router } from '@koa/router';
import { requireUser } from '../http/requireUser';
import type { DashboardService } from './DashboardService';

/** `/api/dashboard`: the process admin's overview. */
export function dashboardRoutes(dashboard: DashboardService): Router {
  const router = new Router({ prefix: '/api/dashboard' });
  router.get('/', async (ctx) => {
    ctx.body = await dashboard.summary(requireUser(ctx));
  });
  return router;
}
