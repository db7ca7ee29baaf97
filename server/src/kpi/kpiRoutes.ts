import { Router } from '@koa/router';
import { requireUser } from '../http/requireUser';
import { validator } from '../http/validate';
import type { KpiService, PlanEdit } from './KpiService';
import { kpiMeasures, monthOf, monthPattern } from './kpiMeasures';

const reportQuery = validator<{ month?: string; dealerId?: string }>({
  type: 'object',
  properties: { month: { type: 'string', pattern: monthPattern }, dealerId: { type: 'string', minLength: 1, maxLength: 32 } },
  additionalProperties: false,
});
const plansBody = validator<{ month: string; plans: PlanEdit[] }>({
  type: 'object',
  properties: {
    month: { type: 'string', pattern: monthPattern },
    plans: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        properties: {
          dealerId: { type: 'string', minLength: 1, maxLength: 32 },
          measure: { enum: [...kpiMeasures] },
          target: { type: ['number', 'null'], minimum: 0, maximum: 1_000_000_000 },
        },
        required: ['dealerId', 'measure', 'target'],
        additionalProperties: false,
      },
    },
  },
  required: ['month', 'plans'],
  additionalProperties: false,
});

/** `/api/kpi`: dealer KPIs of a month (this month when none is given) and setting their plans. */
export function kpiRoutes(kpi: KpiService): Router {
  const router = new Router({ prefix: '/api/kpi' });
  router.get('/', async (ctx) => {
    const user = requireUser(ctx);
    const query = reportQuery({ ...ctx.query });
    ctx.body = await kpi.report(user, { month: query.month ?? monthOf(new Date()), dealerId: query.dealerId });
  });
  router.put('/plans', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await kpi.savePlans(user, plansBody(ctx.request.body));
  });
  return router;
}
