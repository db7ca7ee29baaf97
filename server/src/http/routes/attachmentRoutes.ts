import { Router } from '@koa/router';
import type { AttachmentService } from '../../attachments/AttachmentService';
import { MAX_ATTACHMENT_BYTES } from '../../attachments/AttachmentService';
import { requireUser } from '../requireUser';
import { uploadedFile } from '../uploadedFile';

/** Case attachments, uploaded as the raw file (see `uploadedFile`). */
export function attachmentRoutes(attachments: AttachmentService): Router {
  const router = new Router({ prefix: '/api/process-instances/:key/attachments' });
  router.post('/', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await attachments.add(user, ctx.params.key, await uploadedFile(ctx, MAX_ATTACHMENT_BYTES));
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
