import { Router } from '@koa/router';
import { leadSources, type LeadStatus } from '../../leads/Lead';
import type { LeadIntakeRequest, LeadService } from '../../leads/LeadService';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const leadBody = validator<LeadIntakeRequest>({
  type: 'object',
  properties: {
    customerName: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    phone: { type: 'string', pattern: '^\\+?[0-9][0-9 ()-]{4,30}$' },
    email: { type: 'string', maxLength: 200, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' },
    regionCode: { type: 'string', pattern: '^[0-9]{2,3}$' },
    cityCode: { type: 'string', pattern: '^[A-Z]{3}$' },
    model: { type: 'string', minLength: 1, maxLength: 64, pattern: '\\S' },
    source: { enum: [...leadSources] },
    externalId: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' },
  },
  required: ['customerName', 'phone', 'model', 'source'],
  anyOf: [{ required: ['regionCode'] }, { required: ['cityCode'] }],
  additionalProperties: false,
});
const leadFilter = validator<{ status?: LeadStatus }>({
  type: 'object',
  properties: { status: { enum: ['new', 'offered', 'accepted', 'queued', 'contacted', 'testDrive', 'sold', 'lost'] } },
  additionalProperties: false,
});
const noQuery = validator<object>({ type: 'object', additionalProperties: false });

/** Lead intake (machine clients and admins), the leads list and the dealers' lead ratings. */
export function leadRoutes(leads: LeadService): Router {
  const router = new Router({ prefix: '/api' });
  router.post('/leads', async (ctx) => {
    const user = requireUser(ctx);
    const { lead, created } = await leads.create(user, leadBody(ctx.request.body));
    ctx.status = created ? 201 : 200;
    ctx.body = { id: lead.id, caseRef: lead.caseRef, externalId: lead.externalId, status: lead.status, processInstanceKey: lead.processInstanceKey, created };
  });
  router.get('/leads', async (ctx) => {
    ctx.body = { items: await leads.list(requireUser(ctx), leadFilter({ ...ctx.query })) };
  });
  router.get('/lead-ratings', async (ctx) => {
    noQuery({ ...ctx.query });
    ctx.body = { items: await leads.ratings(requireUser(ctx)) };
  });
  return router;
}
