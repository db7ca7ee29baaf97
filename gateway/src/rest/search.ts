import { badRequest } from './Problem';

/** A parsed search: its filter fields and its page (offset, or cursor after / before a key). */
export interface SearchRequest {
  filter: Record<string, unknown>;
  page: { from: number; after?: string; before?: string; limit: number };
}

/** The page a search answers, in the spec's shape. */
export interface SearchPage {
  totalItems: number;
  hasMoreTotalItems: boolean;
  startCursor?: string;
  endCursor?: string;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;

const encodeCursor = (key: string) => Buffer.from(JSON.stringify({ key })).toString('base64');

function decodeCursor(cursor: unknown, name: string): string {
  try {
    const key = (JSON.parse(Buffer.from(String(cursor), 'base64').toString('utf8')) as { key?: unknown }).key;
    if (typeof key === 'string' && /^\d+$/.test(key)) return key;
  } catch {
    // reported below
  }
  throw badRequest(`The value for page.${name} is '${String(cursor)}' but must be a cursor this server returned`);
}

/** Reads a search body; a filter field or sort this server does not support is refused, naming it. */
export function searchRequest(body: unknown, filters: readonly string[]): SearchRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(b)) if (!['filter', 'page', 'sort'].includes(k)) throw badRequest(`Unsupported search field '${k}'`);
  if (Array.isArray(b.sort) && b.sort.length > 0) {
    const fields = b.sort.map((s) => String((s as { field?: unknown }).field)).join(', ');
    throw badRequest(`Sorting is not supported by this server (sort by ${fields}); results come in key order`);
  }
  const filter = (b.filter ?? {}) as Record<string, unknown>;
  if (typeof filter !== 'object' || Array.isArray(filter)) throw badRequest('The value for filter must be an object');
  for (const k of Object.keys(filter)) if (filter[k] !== undefined && !filters.includes(k)) throw badRequest(`Unsupported filter 'filter.${k}': this server filters by ${filters.join(', ') || 'nothing'}`);
  const p = (b.page ?? {}) as Record<string, unknown>;
  const limit = p.limit === undefined ? DEFAULT_LIMIT : Number(p.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw badRequest(`The value for page.limit is '${String(p.limit)}' but must be between 1 and ${MAX_LIMIT}`);
  const from = p.from === undefined ? 0 : Number(p.from);
  if (!Number.isInteger(from) || from < 0) throw badRequest(`The value for page.from is '${String(p.from)}' but must be a non-negative integer`);
  const page: SearchRequest['page'] = { from, limit };
  if (p.after !== undefined) page.after = decodeCursor(p.after, 'after');
  if (p.before !== undefined) page.before = decodeCursor(p.before, 'before');
  return { filter, page };
}

/** Reads an equality filter: a plain value or `{ $eq }`; other operators are refused, naming them. */
export function exact<T extends string | number | boolean>(value: unknown, name: string, kind: 'string' | 'number' | 'boolean'): T | undefined {
  if (value === undefined) return undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const ops = Object.keys(value);
    const other = ops.find((o) => o !== '$eq');
    if (other) throw badRequest(`Unsupported filter operator 'filter.${name}.${other}': this server supports equality ($eq) only`);
    return exact<T>((value as { $eq?: unknown }).$eq, name, kind);
  }
  if (typeof value !== kind) throw badRequest(`The value for filter.${name} is '${String(value)}' but must be a ${kind}`);
  return value as T;
}

const byKey = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

/** Pages items (sorted here by key) as the request asks, with cursors that name the first and last key. */
export function pageOf<T>(all: T[], request: SearchRequest, keyOf: (item: T) => string): { items: T[]; page: SearchPage } {
  const sorted = [...all].sort((a, b) => byKey(keyOf(a), keyOf(b)));
  const { after, before, from, limit } = request.page;
  let items: T[];
  if (after !== undefined) items = sorted.filter((i) => byKey(keyOf(i), after) > 0).slice(0, limit);
  else if (before !== undefined) items = sorted.filter((i) => byKey(keyOf(i), before) < 0).slice(-limit);
  else items = sorted.slice(from, from + limit);
  const page: SearchPage = { totalItems: sorted.length, hasMoreTotalItems: false };
  if (items.length > 0) {
    page.startCursor = encodeCursor(keyOf(items[0]!));
    page.endCursor = encodeCursor(keyOf(items[items.length - 1]!));
  }
  return { items, page };
}
