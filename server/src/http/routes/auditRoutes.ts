import { Router } from '@koa/router';
import type { AuditEvidence } from '../../audit/AuditEvidence';
import type { AuditFilter, AuditQuery } from '../../audit/AuditQuery';
import type { AuditTrail } from '../../audit/AuditTrail';
import { ForbiddenError } from '../../errors/AppError';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

type AuditQueryString = Omit<AuditFilter, 'afterSeq' | 'limit'> & { afterSeq?: string; limit?: string };

const day = { type: 'string', pattern: '^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' };
const code = { type: 'string', minLength: 1, maxLength: 64 };

const auditQuery = validator<AuditQueryString>({
  type: 'object',
  properties: {
    actor: code,
    action: { type: 'string', maxLength: 64, pattern: '^[a-zA-Z]+(\\.[a-zA-Z_]+)?$' },
    instanceKey: code,
    caseRef: code,
    subjectType: { type: 'string', maxLength: 64 },
    subjectId: { type: 'string', maxLength: 64 },
    from: day,
    to: day,
    cursor: { type: 'string', pattern: '^[0-9]{1,15}$' },
    afterSeq: { type: 'string', pattern: '^[0-9]{1,15}$' },
    limit: { type: 'string', pattern: '^[0-9]{1,4}$' },
  },
  additionalProperties: false,
});

const evidenceQuery = validator<{ instanceKey: string }>({
  type: 'object',
  properties: { instanceKey: code },
  required: ['instanceKey'],
  additionalProperties: false,
});

/** The hash-chained trail: read it filtered (newest first), verify it end to end, export one case's evidence. */
export function auditRoutes(audit: AuditTrail, query: AuditQuery, evidence: AuditEvidence): Router {
  const router = new Router({ prefix: '/api/audit' });
  router.get('/', async (ctx) => {
    const { afterSeq, limit, ...filter } = auditQuery({ ...ctx.query });
    ctx.body = await query.readablePage(requireUser(ctx), { ...filter, afterSeq: afterSeq === undefined ? undefined : Number(afterSeq), limit: limit === undefined ? undefined : Number(limit) });
  });
  router.get('/verify', async (ctx) => {
    if (requireUser(ctx).ability.cannot('verify', 'AuditEntry')) throw new ForbiddenError('You may not verify the audit trail');
    ctx.body = await audit.verify();
  });
  router.get('/evidence', async (ctx) => {
    const { instanceKey } = evidenceQuery({ ...ctx.query });
    const file = await evidence.export(requireUser(ctx), instanceKey);
    ctx.set('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    ctx.type = 'application/pdf';
    ctx.body = file.content;
  });
  return router;
}
