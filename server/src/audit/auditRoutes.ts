import { Router } from '@koa/router';
import { auditRoutes as contract, type AuditEntryView } from '@dealerflow/contract';
import type { AuditEvidence } from './AuditEvidence';
import type { AuditQuery } from './AuditQuery';
import type { AuditTrail } from './AuditTrail';
import { contractRoute } from '../http/contractRoute';
import { isoDates } from '../http/isoDates';
import { requireUser } from '../http/requireUser';

/** The hash-chained trail: read it filtered (newest first), verify it end to end, export one case's evidence. */
export function auditRoutes(audit: AuditTrail, query: AuditQuery, evidence: AuditEvidence): Router {
  const router = new Router({ prefix: '/api/audit' });
  contractRoute(router, contract.list, async (ctx, { query: { afterSeq, limit, ...filter } }) => {
    const page = await query.readablePage(requireUser(ctx), { ...filter, afterSeq: afterSeq === undefined ? undefined : Number(afterSeq), limit: limit === undefined ? undefined : Number(limit) });
    const items = page.items.map((entry) => isoDates(entry) as AuditEntryView);
    return page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
  });
  contractRoute(router, contract.verify, async (ctx) => audit.verifyAs(requireUser(ctx)));
  contractRoute(router, contract.evidence, async (ctx, { query: { instanceKey } }) => {
    const file = await evidence.export(requireUser(ctx), instanceKey);
    ctx.set('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    ctx.type = 'application/pdf';
    return file.content;
  });
  return router;
}
