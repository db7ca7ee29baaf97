import { Router } from '@koa/router';
import { caseFileRoutes as contract } from '@dealerflow/contract';
import type { Attachment } from './Attachment';
import type { AttachmentService } from './AttachmentService';
import { MAX_ATTACHMENT_BYTES } from './AttachmentService';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';
import { uploadedFile } from '../http/uploadedFile';

/** An attachment as the API writes it. */
const dto = (attachment: Attachment) => ({ ...attachment, createdAt: attachment.createdAt.toISOString() });

/** Case attachments, uploaded as the raw file (see `uploadedFile`). */
export function attachmentRoutes(attachments: AttachmentService): Router {
  const router = new Router({ prefix: '/api/process-instances/:key/attachments' });
  contractRoute(router, contract.attach, async (ctx, { params }) => {
    const user = requireUser(ctx);
    return dto(await attachments.add(user, params.key, await uploadedFile(ctx, MAX_ATTACHMENT_BYTES)));
  });
  contractRoute(router, contract.attachments, async (ctx, { params }) => ({ items: (await attachments.list(requireUser(ctx), params.key)).map(dto) }));
  contractRoute(router, contract.download, async (ctx, { params }) => {
    const { attachment, bytes } = await attachments.read(requireUser(ctx), params.key, params.id);
    ctx.set('Content-Type', attachment.contentType);
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`);
    ctx.set('X-Content-Type-Options', 'nosniff');
    return bytes;
  });
  return router;
}
