import { ValidationError } from '../errors/AppError';

/** A keyset position: the sort value of the last row shown and its key. */
export type InboxCursor = [value: string | number, key: string];

/** How a sort column holds its values. */
export type SortKind = 'date' | 'number' | 'text';

/** Cursors this server gives out are shorter (a 200-character dealer name at most); longer ones are not worth decoding. */
const MAX_CURSOR_CHARS = 1200;
const MAX_PART_CHARS = 64;
/** The longest sort value: a dealer name. */
const MAX_VALUE_CHARS = 200;
/** DATETIME's range in MariaDB/MySQL; dates outside it cannot be compared in SQL. */
const EARLIEST = Date.UTC(1000, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const invalid = () => new ValidationError('The cursor is not one this server gave out', [{ field: 'cursor', message: 'is invalid' }]);

/** The opaque cursor the client sends back for the next page. */
export function encodeCursor(value: string | number, key: string): string {
  return Buffer.from(JSON.stringify([value, key])).toString('base64url');
}

/** Reads a cursor made by encodeCursor: a finite number or short string, and a short key; anything else is a 400. */
export function decodeCursor(cursor: string): InboxCursor {
  if (cursor.length > MAX_CURSOR_CHARS) throw invalid();
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && isSortValue(parsed[0]) && isKey(parsed[1])) return parsed as InboxCursor;
  } catch {
    // fall through to the error below
  }
  throw invalid();
}

/** The cursor's sort value as the sort column holds it: a finite number, a string, or a date SQL can hold (400 when it is not). */
export function cursorValue([value]: InboxCursor, kind: SortKind): number | Date | string {
  if (kind === 'text') {
    if (typeof value !== 'string') throw invalid();
    return value;
  }
  if (kind === 'number') {
    const number = Number(value);
    if (!Number.isFinite(number)) throw invalid();
    return number;
  }
  const date = cursorDate(value);
  if (!date) throw invalid();
  return date;
}

/** A date a cursor may carry, or null: valid and within the range SQL date-times hold. */
function cursorDate(value: unknown): Date | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = new Date(value);
  const time = date.getTime();
  return Number.isFinite(time) && time >= EARLIEST && time <= LATEST ? date : null;
}

function isSortValue(value: unknown): value is string | number {
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= MAX_VALUE_CHARS);
}

function isKey(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PART_CHARS;
}
