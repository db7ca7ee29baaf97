import { Router } from '@koa/router';
import type { Heatmap } from '../../instances/Heatmap';
import type { IncidentService } from '../../instances/IncidentService';
import type { InstanceFilter, InstanceQuery } from '../../instances/InstanceQuery';
import type { InstanceView } from '../../instances/InstanceView';
import type { ProcessInstanceRecord } from '../../instances/ProcessInstanceRecord';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const listQuery = validator<{ processId?: string; version?: string; state?: InstanceFilter['state']; dealerId?: string; hasIncident?: 'true' | 'false'; cursor?: string; limit?: string }>({
  type: 'object',
  properties: {
    processId: { type: 'string', minLength: 1, maxLength: 128 },
    version: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' },
    state: { enum: ['active', 'completed', 'terminated'] },
    dealerId: { type: 'string', minLength: 1, maxLength: 32 },
    hasIncident: { enum: ['true', 'false'] },
    cursor: { type: 'string', maxLength: 500 },
    limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
  },
  additionalProperties: false,
});

const heatmapQuery = validator<{ version?: string }>({
  type: 'object',
  properties: { version: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } },
  additionalProperties: false,
});

const retryRequest = validator<{ retries?: number }>({
  type: 'object',
  properties: { retries: { type: 'integer', minimum: 1, maximum: 10 } },
  additionalProperties: false,
});

/** An instance as the list shows it. */
function dto(row: ProcessInstanceRecord) {
  return { ...row, startedAt: row.startedAt.toISOString(), endedAt: row.endedAt?.toISOString() ?? null };
}

/** The Instances page: the list, one instance with its diagram, incident retries and the heatmap. */
export function instanceRoutes(list: InstanceQuery, view: InstanceView, incidents: IncidentService, heatmap: Heatmap): Router {
  const router = new Router({ prefix: '/api' });
  router.get('/process-instances', async (ctx) => {
    const { version, hasIncident, limit, ...filter } = listQuery({ ...ctx.query });
    const page = await list.page(requireUser(ctx), {
      ...filter,
      version: version === undefined ? undefined : Number(version),
      hasIncident: hasIncident === undefined ? undefined : hasIncident === 'true',
      limit: limit === undefined ? undefined : Number(limit),
    });
    ctx.body = { items: page.items.map(dto), nextCursor: page.nextCursor };
  });
  router.get('/process-instances/:key', async (ctx) => {
    ctx.body = await view.get(requireUser(ctx), ctx.params.key);
  });
  router.get('/process-instances/:key/diagram', async (ctx) => {
    ctx.body = await view.diagram(requireUser(ctx), ctx.params.key);
  });
  router.post('/incidents/:key/retry', async (ctx) => {
    const user = requireUser(ctx);
    const { retries } = retryRequest(ctx.request.body ?? {});
    await incidents.retry(user, ctx.params.key, retries ?? 1);
    ctx.status = 204;
  });
  router.get('/processes/:processId/heatmap', async (ctx) => {
    const { version } = heatmapQuery({ ...ctx.query });
    ctx.body = await heatmap.of(requireUser(ctx), ctx.params.processId, version === undefined ? undefined : Number(version));
  });
  return router;
}
