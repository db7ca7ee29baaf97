import { fileTypeFromBuffer } from 'file-type';

/** A file's type as its content shows it, or null when it is none the detector knows. */
export async function detectFileType(bytes: Buffer): Promise<{ mime: string; ext: string } | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected ? { mime: detected.mime, ext: detected.ext } : null;
}
