import { Router } from '@koa/router';
import { leadRoutes as contract, type DealerLeadRating, type LeadRow } from '@dealerflow/contract';
import type { LeadService } from './LeadService';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** Rows as their answer's items: no role rule hides a lead's or a rating's fields, and times go out as JSON writes them. */
const asItems = <T>(rows: object[]) => rows as unknown as T[];

/** Lead intake (machine clients and admins), the leads list and the dealers' lead ratings. */
export function leadRoutes(leads: LeadService): Router {
  const router = new Router({ prefix: '/api' });
  contractRoute(router, contract.create, async (ctx, { body }) => {
    const { lead, created } = await leads.create(requireUser(ctx), body);
    ctx.status = created ? 201 : 200;
    return { id: lead.id, caseRef: lead.caseRef, externalId: lead.externalId, status: lead.status, processInstanceKey: lead.processInstanceKey, created };
  });
  contractRoute(router, contract.list, async (ctx, { query }) => ({ items: asItems<LeadRow>(await leads.list(requireUser(ctx), query)) }));
  contractRoute(router, contract.ratings, async (ctx) => ({ items: asItems<DealerLeadRating>(await leads.ratings(requireUser(ctx))) }));
  return router;
}
