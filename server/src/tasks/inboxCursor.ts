import { ValidationError } from '../errors/AppError';

/** A keyset position: the sort value of the last row shown and its key. */
export type InboxCursor = [value: string | number, key: string];

const invalid = () => new ValidationError('The cursor is not one this server gave out', [{ field: 'cursor', message: 'is invalid' }]);

/** The opaque cursor the client sends back for the next page. */
export function encodeCursor(value: string | number, key: string): string {
  return Buffer.from(JSON.stringify([value, key])).toString('base64url');
}

/** Reads a cursor made by encodeCursor; anything else is a 400. */
export function decodeCursor(cursor: string): InboxCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && ['string', 'number'].includes(typeof parsed[0]) && typeof parsed[1] === 'string') {
      return parsed as InboxCursor;
    }
  } catch {
    // fall through to the error below
  }
  throw invalid();
}

/** The cursor's sort value as the sort column holds it: a number for priority, else a date (400 when it is none). */
export function cursorValue([value]: InboxCursor, numeric: boolean): number | Date {
  const parsed = numeric ? Number(value) : new Date(String(value));
  // JSON reads 1e400 as Infinity, which no database column holds.
  if (!Number.isFinite(numeric ? parsed : (parsed as Date).getTime())) throw invalid();
  return parsed;
}
