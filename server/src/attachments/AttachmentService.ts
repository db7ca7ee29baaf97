import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { AppError, NotFoundError, ValidationError } from '../errors/AppError';
import type { ProcessService } from '../processes/ProcessService';
import { Attachment } from './Attachment';
import { cleanFileName } from './cleanFileName';
import { detectFileType } from './detectFileType';

/** File types a case accepts (photos, scans and office documents), with the name extensions each may carry. */
export const ALLOWED_TYPES: Record<string, string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/png': ['png'],
  'application/pdf': ['pdf'],
};
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

  async add(user: CurrentUser, instanceKey: string, upload: { fileName: string; contentType: string; bytes: Buffer }): Promise<Attachment> {
    await this.processes.commentable(user, instanceKey);
    const extensions = ALLOWED_TYPES[upload.contentType];
    if (!extensions) throw new AppError(415, 'unsupported_media_type', `Attachments must be one of ${Object.keys(ALLOWED_TYPES).join(', ')}`);
    if (upload.bytes.length === 0) throw new ValidationError('The file is empty', [{ field: 'file', message: 'is empty' }]);
    if ((await detectFileType(upload.bytes))?.mime !== upload.contentType) throw new ValidationError(`The file is not a ${upload.contentType}`, [{ field: 'file', message: 'content does not match its type' }]);
    const fileName = cleanFileName(upload.fileName, extensions);
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    await mkdir(this.dir, { recursive: true });
    const target = join(this.dir, sha256);
    const temporary = `${target}.${randomUUID()}.part`;
    await writeFile(temporary, upload.bytes, { flag: 'wx' });
    await rename(temporary, target); // atomic: a reader sees the whole file or none
    const attachment = Object.assign(new Attachment(), {
      id: randomUUID(), processInstanceKey: instanceKey, fileName, contentType: upload.contentType,
      size: upload.bytes.length, sha256, uploadedBy: user.username, createdAt: new Date(),
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Attachment, attachment);
      await this.audit.append(manager, { actor: user.username, action: 'attachment.add', subjectType: 'ProcessInstance', subjectId: instanceKey, payload: { id: attachment.id, fileName: attachment.fileName, sha256, size: attachment.size } });
    });
    return attachment;
  }

  async list(user: CurrentUser, instanceKey: string): Promise<Attachment[]> {
    await this.processes.readable(user, instanceKey);
    return this.dataSource.getRepository(Attachment).find({ where: { processInstanceKey: instanceKey }, order: { createdAt: 'ASC' } });
  }

  async read(user: CurrentUser, instanceKey: string, id: string): Promise<{ attachment: Attachment; bytes: Buffer }> {
    await this.processes.readable(user, instanceKey);
    const attachment = await this.dataSource.getRepository(Attachment).findOneBy({ id, processInstanceKey: instanceKey });
    if (!attachment) throw new NotFoundError('Attachment', id);
    return { attachment, bytes: await readFile(join(this.dir, attachment.sha256)) };
  }
}
