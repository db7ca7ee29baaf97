import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { NotFoundError } from '../errors/AppError';
import type { ProcessService } from '../processes/ProcessService';
import { Attachment } from './Attachment';
import { storeUpload, type Upload } from './storeUpload';

export { ALLOWED_TYPES } from './storeUpload';

/** The largest file a case accepts. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Attachments of cases. Files are stored by content hash under the data folder (names are
 * never paths); the declared type must be the type the content shows, and the name is
 * cleaned of control characters and given that type's extension. Malware scanning is
 * not done here: files are served back only as downloads, never rendered inline.
 */
export class AttachmentService {
  constructor(private readonly dataSource: DataSource, private readonly processes: ProcessService, private readonly audit: AuditTrail, private readonly dir: string) {}

  async add(user: CurrentUser, instanceKey: string, upload: Upload): Promise<Attachment> {
    await this.processes.assertCommentable(user, instanceKey);
    const { fileName, contentType, size, sha256 } = await storeUpload(this.dir, upload);
    const attachment = Object.assign(new Attachment(), {
      id: randomUUID(), processInstanceKey: instanceKey, fileName, contentType,
      size, sha256, uploadedBy: user.username, createdAt: new Date(),
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Attachment, attachment);
      await this.audit.append(manager, { actor: user.username, action: 'attachment.add', subjectType: 'ProcessInstance', subjectId: instanceKey, payload: { id: attachment.id, fileName: attachment.fileName, sha256, size: attachment.size } });
    });
    return attachment;
  }

  async list(user: CurrentUser, instanceKey: string): Promise<Attachment[]> {
    await this.processes.assertReadable(user, instanceKey);
    return this.dataSource.getRepository(Attachment).find({ where: { processInstanceKey: instanceKey }, order: { createdAt: 'ASC' } });
  }

  async read(user: CurrentUser, instanceKey: string, id: string): Promise<{ attachment: Attachment; bytes: Buffer }> {
    await this.processes.assertReadable(user, instanceKey);
    const attachment = await this.dataSource.getRepository(Attachment).findOneBy({ id, processInstanceKey: instanceKey });
    if (!attachment) throw new NotFoundError('Attachment', id);
    return { attachment, bytes: await readFile(join(this.dir, attachment.sha256)) };
  }
}
