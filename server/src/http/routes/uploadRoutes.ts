import { Router } from '@koa/router';
import getRawBody from 'raw-body';
import { MAX_ATTACHMENT_BYTES } from '../../attachments/AttachmentService';
import type { StagedUploads } from '../../attachments/StagedUploads';
import { AppError, ValidationError } from '../../errors/AppError';
import { requireUser } from '../requireUser';

const isPlainFileName = (name: string) => name.length > 0 && name.length <= 200 && !/[/\\]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 32);

/**
 * Files for a start form, uploaded before the case exists (`POST /api/uploads?name=`, the raw
 * file as the body, like case attachments); the form then names them by id. Sits before the JSON body parser.
 */
export function uploadRoutes(uploads: StagedUploads): Router {
  const router = new Router({ prefix: '/api/uploads' });
  router.post('/', async (ctx) => {
    const user = requireUser(ctx);
    const fileName = String(ctx.query.name ?? '');
    if (!isPlainFileName(fileName)) throw new ValidationError('Give the file name as ?name=', [{ field: 'name', message: 'is missing or not a plain file name' }]);
    const contentType = (ctx.get('Content-Type').split(';')[0] ?? '').trim().toLowerCase();
    if (Number(ctx.get('Content-Length') || 0) > MAX_ATTACHMENT_BYTES) throw new AppError(413, 'payload_too_large', `Attachments are at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
    const bytes = await getRawBody(ctx.req, { limit: MAX_ATTACHMENT_BYTES, length: ctx.get('Content-Length') || undefined });
    ctx.body = await uploads.stage(user, { fileName, contentType, bytes });
    ctx.status = 201;
  });
  return router;
}
