import { Router } from '@koa/router';
import { caseFileRoutes as contract } from '@dealerflow/contract';
import getRawBody from 'raw-body';
import { MAX_ATTACHMENT_BYTES } from './AttachmentService';
import type { StagedUploads } from './StagedUploads';
import { AppError } from '../errors/AppError';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/**
 * Files for a start form, uploaded before the case exists (`POST /api/uploads?name=`, the raw
 * file as the body, like case attachments); the form then names them by id. Sits before the JSON body parser.
 */
export function uploadRoutes(uploads: StagedUploads): Router {
  const router = new Router({ prefix: '/api/uploads' });
  contractRoute(router, contract.upload, async (ctx, { query }) => {
    const user = requireUser(ctx);
    const contentType = (ctx.get('Content-Type').split(';')[0] ?? '').trim().toLowerCase();
    if (Number(ctx.get('Content-Length') || 0) > MAX_ATTACHMENT_BYTES) throw new AppError(413, 'payload_too_large', `Attachments are at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
    const bytes = await getRawBody(ctx.req, { limit: MAX_ATTACHMENT_BYTES, length: ctx.get('Content-Length') || undefined });
    return uploads.stage(user, { fileName: query.name, contentType, bytes });
  });
  return router;
}
