import { Router } from '@koa/router';
import getRawBody from 'raw-body';
import type { AttachmentService } from '../../attachments/AttachmentService';
import { MAX_ATTACHMENT_BYTES } from '../../attachments/AttachmentService';
import { AppError, ValidationError } from '../../errors/AppError';
import { requireUser } from '../requireUser';

/** A plain file name: no folders, no control characters. */
const isPlainFileName = (name: string) => name.length > 0 && name.length <= 200 && !/[/\\]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 32);

/**
 * Case attachments. Uploads are the raw file as the body (`Content-Type` = the file's type,
 * `?name=` its name), so this router sits before the JSON body parser.
 */
export function attachmentRoutes(attachments: AttachmentService): Router {
  const router = new Router({ prefix: '/api/process-instances/:key/attachments' });
  router.post('/', async (ctx) => {
    const user = requireUser(ctx);
    const fileName = String(ctx.query.name ?? '');
    if (!isPlainFileName(fileName)) throw new ValidationError('Give the file name as ?name=', [{ field: 'name', message: 'is missing or not a plain file name' }]);
    const contentType = (ctx.get('Content-Type').split(';')[0] ?? '').trim().toLowerCase();
    const declared = Number(ctx.get('Content-Length') || 0);
    if (declared > MAX_ATTACHMENT_BYTES) throw new AppError(413, 'payload_too_large', `Attachments are at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
    const bytes = await getRawBody(ctx.req, { limit: MAX_ATTACHMENT_BYTES, length: ctx.get('Content-Length') || undefined });
    ctx.body = await attachments.add(user, ctx.params.key, { fileName, contentType, bytes });
    ctx.status = 201;
  });
  router.get('/', async (ctx) => {
    ctx.body = { items: await attachments.list(requireUser(ctx), ctx.params.key) };
  });
  router.get('/:id', async (ctx) => {
    const { attachment, bytes } = await attachments.read(requireUser(ctx), ctx.params.key, ctx.params.id);
    ctx.set('Content-Type', attachment.contentType);
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.body = bytes;
  });
  return router;
}
