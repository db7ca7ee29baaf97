import { Router } from '@koa/router';
import type { AuditTrail } from '../../audit/AuditTrail';
import { ForbiddenError } from '../../errors/AppError';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

interface AuditQuery {
  instanceKey?: string;
  subjectType?: string;
  subjectId?: string;
  afterSeq?: string;
  limit?: string;
}

const auditQuery = validator<AuditQuery>({
  type: 'object',
  properties: {
    instanceKey: { type: 'string', maxLength: 64 },
    subjectType: { type: 'string', maxLength: 64 },
    subjectId: { type: 'string', maxLength: 64 },
    afterSeq: { type: 'string', pattern: '^[0-9]{1,15}$' },
    limit: { type: 'string', pattern: '^[0-9]{1,4}$' },
  },
  additionalProperties: false,
});

/** The hash-chained trail: read it, or verify it end to end. */
export function auditRoutes(audit: AuditTrail): Router {
  const router = new Router({ prefix: '/api/audit' });
  router.get('/', async (ctx) => {
    if (requireUser(ctx).ability.cannot('read', 'AuditEntry')) throw new ForbiddenError('You may not read the audit trail');
    const query = auditQuery({ ...ctx.query });
    const entries = await audit.list({
      subjectType: query.instanceKey ? 'ProcessInstance' : query.subjectType,
      subjectId: query.instanceKey ?? query.subjectId,
      afterSeq: query.afterSeq ? Number(query.afterSeq) : undefined,
      limit: query.limit ? Number(query.limit) : undefined,
    });
    ctx.body = { items: entries.map((entry) => ({ ...entry, payload: JSON.parse(entry.payload) as unknown })) };
  });
  router.get('/verify', async (ctx) => {
    if (requireUser(ctx).ability.cannot('verify', 'AuditEntry')) throw new ForbiddenError('You may not verify the audit trail');
    ctx.body = await audit.verify();
  });
  return router;
}
