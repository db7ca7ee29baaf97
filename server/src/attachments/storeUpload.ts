import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, ValidationError } from '../errors/AppError';
import { cleanFileName } from './cleanFileName';
import { detectFileType } from './detectFileType';

/** File types a case accepts (photos, scans and office documents), with the name extensions each may carry. */
export const ALLOWED_TYPES: Record<string, string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/png': ['png'],
  'application/pdf': ['pdf'],
};

/** A file as it arrived: the name the uploader gave, the declared type and the bytes. */
export interface Upload {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** What is kept of a stored file. */
export interface StoredFile {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * Checks an upload (an allowed type that its content shows, not empty), cleans its name and
 * stores the bytes under their SHA-256 in `dir`, atomically: a reader sees the whole file or none.
 */
export async function storeUpload(dir: string, upload: Upload): Promise<StoredFile> {
  const extensions = ALLOWED_TYPES[upload.contentType];
  if (!extensions) throw new AppError(415, 'unsupported_media_type', `Attachments must be one of ${Object.keys(ALLOWED_TYPES).join(', ')}`);
  if (upload.bytes.length === 0) throw new ValidationError('The file is empty', [{ field: 'file', message: 'is empty' }]);
  if ((await detectFileType(upload.bytes))?.mime !== upload.contentType) throw new ValidationError(`The file is not a ${upload.contentType}`, [{ field: 'file', message: 'content does not match its type' }]);
  const fileName = cleanFileName(upload.fileName, extensions);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  await mkdir(dir, { recursive: true });
  const target = join(dir, sha256);
  const temporary = `${target}.${randomUUID()}.part`;
  await writeFile(temporary, upload.bytes, { flag: 'wx' });
  await rename(temporary, target);
  return { fileName, contentType: upload.contentType, size: upload.bytes.length, sha256 };
}
