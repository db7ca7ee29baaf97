import { Router } from '@koa/router';
import { instanceRoutes as contract, type InstanceDetail } from '@dealerflow/contract';
import type { Heatmap } from './Heatmap';
import type { IncidentService } from './IncidentService';
import type { InstanceQuery } from './InstanceQuery';
import type { InstanceView } from './InstanceView';
import type { ProcessInstanceRecord } from './ProcessInstanceRecord';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** An instance as the list shows it. */
function dto(row: ProcessInstanceRecord) {
  return { ...row, startedAt: row.startedAt.toISOString(), endedAt: row.endedAt?.toISOString() ?? null };
}

/** The Instances page: the list, one instance with its diagram, incident retries and the heatmap. */
export function instanceRoutes(list: InstanceQuery, view: InstanceView, incidents: IncidentService, heatmap: Heatmap): Router {
  const router = new Router({ prefix: '/api' });
  contractRoute(router, contract.list, async (ctx, { query: { version, hasIncident, limit, ...filter } }) => {
    const page = await list.page(requireUser(ctx), {
      ...filter,
      version: version === undefined ? undefined : Number(version),
      hasIncident: hasIncident === undefined ? undefined : hasIncident === 'true',
      limit: limit === undefined ? undefined : Number(limit),
    });
    return { items: page.items.map(dto), nextCursor: page.nextCursor };
  });
  // the engine's history states are wider than the ones an element reaches in a case's history
  contractRoute(router, contract.get, async (ctx, { params }) => (await view.get(requireUser(ctx), params.key)) as InstanceDetail);
  contractRoute(router, contract.diagram, async (ctx, { params }) => view.diagram(requireUser(ctx), params.key));
  contractRoute(router, contract.retryIncident, async (ctx, { params, body }) => {
    await incidents.retry(requireUser(ctx), params.key, body.retries ?? 1);
  });
  contractRoute(router, contract.heatmap, async (ctx, { params, query }) => heatmap.of(requireUser(ctx), params.processId, query.version === undefined ? undefined : Number(query.version)));
  return router;
}
