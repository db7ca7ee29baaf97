import { ValidationError } from '../errors/AppError';

/**
 * Control and format characters: C0/C1 controls, and the invisible Unicode format characters,
 * among them the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make
 * `invoice‮fdp.exe` display as `invoiceexe.pdf`; line and paragraph separators too.
 */
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const MAX_NAME_LENGTH = 200;

/**
 * A display name for an upload: without control and bidirectional characters, and ending in
 * an extension of its detected type (`x.html` holding a PNG becomes `x.png`, `scan` becomes
 * `scan.pdf`), so what the name promises is what a download opens.
 */
export function cleanFileName(name: string, extensions: readonly string[]): string {
  const visible = name.normalize('NFC').replace(UNSAFE_CHARACTERS, '').trim();
  const dot = visible.lastIndexOf('.');
  const stem = (dot >= 0 ? visible.slice(0, dot) : visible).replace(/[.\s]+$/, '');
  const extension = dot >= 0 ? visible.slice(dot + 1) : '';
  if (!stem) throw new ValidationError('The file name has no visible characters', [{ field: 'name', message: 'is empty once control characters are removed' }]);
  const named = extensions.includes(extension.toLowerCase()) ? `${stem}.${extension}` : `${stem}.${extensions[0]}`;
  return named.length <= MAX_NAME_LENGTH ? named : `${named.slice(0, MAX_NAME_LENGTH - extensions[0].length - 1)}.${extensions[0]}`;
}
