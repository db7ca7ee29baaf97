import type { Context } from 'koa';
import getRawBody from 'raw-body';
import { AppError, ValidationError } from '../errors/AppError';

/** A file sent as the raw request body: `Content-Type` is its type, `?name=` its name. */
export interface UploadedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** A plain file name: no folders, no control characters. */
const isPlainFileName = (name: string) => name.length > 0 && name.length <= 200 && !/[/\\]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 32);

/** Reads an upload of at most `maxBytes`; 400 without a plain name, 413 when too large. Routes using it sit before the JSON body parser. */
export async function uploadedFile(ctx: Context, maxBytes: number): Promise<UploadedFile> {
  const fileName = String(ctx.query.name ?? '');
  if (!isPlainFileName(fileName)) throw new ValidationError('Give the file name as ?name=', [{ field: 'name', message: 'is missing or not a plain file name' }]);
  const contentType = (ctx.get('Content-Type').split(';')[0] ?? '').trim().toLowerCase();
  if (Number(ctx.get('Content-Length') || 0) > maxBytes) throw new AppError(413, 'payload_too_large', `Files are at most ${maxBytes / 1024 / 1024} MB`);
  // A body that grows past the limit without declaring its length fails here with 413 as well.
  const bytes = await getRawBody(ctx.req, { limit: maxBytes, length: ctx.get('Content-Length') || undefined });
  return { fileName, contentType, bytes };
}
