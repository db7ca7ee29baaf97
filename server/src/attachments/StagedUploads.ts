import { randomUUID } from 'node:crypto';
import type { FieldError } from '@dealerflow/forms';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { ConflictError } from '../errors/AppError';
import { Attachment } from './Attachment';
import { StagedUpload } from './StagedUpload';
import { storeUpload, type Upload } from './storeUpload';

/** The schema keyword that marks a start form field as a list of staged uploads (`[{ id, fileName }]`). */
export const ATTACHMENTS_KEYWORD = 'x-attachments';

/** A start form's reference to a staged upload. */
export interface UploadRef {
  /** The field path errors name, e.g. `documents.0`. */
  field: string;
  id: string;
}

/** The uploads a start form's `x-attachments` fields name in `variables`. */
export function uploadRefsIn(schema: object, variables: Record<string, unknown>): UploadRef[] {
  const properties = (schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {};
  return Object.entries(properties)
    .filter(([, field]) => field[ATTACHMENTS_KEYWORD] === true)
    .flatMap(([name]) => (Array.isArray(variables[name]) ? (variables[name] as { id?: unknown }[]) : []).map((item, i) => ({ field: `${name}.${i}`, id: String(item?.id ?? '') })));
}

/**
 * Files uploaded before their case exists, for start forms: staged by their uploader, then
 * turned into attachments of the case that starts with them, once only.
 */
export class StagedUploads {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail, private readonly dir: string) {}

  /** Checks and stores a file for a start form still being filled. */
  async stage(user: CurrentUser, upload: Upload): Promise<Pick<StagedUpload, 'id' | 'fileName' | 'contentType' | 'size'>> {
    const stored = await storeUpload(this.dir, upload);
    const row = { id: randomUUID(), ...stored, uploadedBy: user.username, createdAt: new Date(), processInstanceKey: null };
    await this.dataSource.transaction(async (m) => {
      await m.insert(StagedUpload, row);
      await this.audit.append(m, { actor: user.username, action: 'upload.stage', subjectType: 'StagedUpload', subjectId: row.id, payload: { fileName: row.fileName, sha256: row.sha256, size: row.size } });
    });
    return { id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size };
  }

  /** Field errors for references that are not the user's own uploads still waiting for a case. */
  async check(user: CurrentUser, refs: UploadRef[]): Promise<FieldError[]> {
    if (refs.length === 0) return [];
    const waiting = await this.dataSource.getRepository(StagedUpload).findBy({ id: In(refs.map((r) => r.id)), uploadedBy: user.username, processInstanceKey: IsNull() });
    const ids = new Set(waiting.map((u) => u.id));
    const seen = new Set<string>();
    return refs.flatMap((ref) => {
      const bad = !ids.has(ref.id) || seen.has(ref.id);
      seen.add(ref.id);
      return bad ? [{ field: ref.field, message: 'is not a file you uploaded for this form' }] : [];
    });
  }

  /** Turns the user's staged uploads into attachments of the case: 409 if another case took one meanwhile. */
  async attach(user: CurrentUser, instanceKey: string, refs: UploadRef[]): Promise<void> {
    if (refs.length === 0) return;
    await this.dataSource.transaction(async (m: EntityManager) => {
      const ids = refs.map((r) => r.id);
      const taken = await m.update(StagedUpload, { id: In(ids), uploadedBy: user.username, processInstanceKey: IsNull() }, { processInstanceKey: instanceKey });
      if (taken.affected !== ids.length) throw new ConflictError('A file of the form was used by another case', { ids });
      for (const upload of await m.findBy(StagedUpload, { id: In(ids) })) {
        const attachment = { id: upload.id, processInstanceKey: instanceKey, fileName: upload.fileName, contentType: upload.contentType, size: upload.size, sha256: upload.sha256, uploadedBy: upload.uploadedBy, createdAt: upload.createdAt };
        await m.insert(Attachment, attachment);
        await this.audit.append(m, { actor: user.username, action: 'attachment.add', subjectType: 'ProcessInstance', subjectId: instanceKey, payload: { id: upload.id, fileName: upload.fileName, sha256: upload.sha256, size: upload.size } });
      }
    });
  }
}
