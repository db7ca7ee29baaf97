import { badRequest } from './Problem';

/** One sort criterion of a search. */
export interface SortBy {
  field: string;
  order: 'ASC' | 'DESC';
}

/** A parsed search: its filter fields, its sort, and its page as an offset (cursors carry offsets). */
export interface SearchRequest {
  filter: Record<string, unknown>;
  sort: SortBy[];
  page: { from: number; limit: number; before?: number };
}

/** The page a search answers, in the spec's shape. */
export interface SearchPage {
  totalItems: number;
  hasMoreTotalItems: boolean;
  startCursor?: string;
  endCursor?: string;
}

/** The values a resource's items sort by, per sort field. */
export type Sortable<T> = Record<string, (item: T) => string | number | boolean | undefined>;

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;

const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64');

function decodeCursor(cursor: unknown, name: string): number {
  try {
    const offset = (JSON.parse(Buffer.from(String(cursor), 'base64').toString('utf8')) as { offset?: unknown }).offset;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // reported below
  }
  throw badRequest(`The value for page.${name} is '${String(cursor)}' but must be a cursor this server returned`);
}

function sortOf(value: unknown, sortable: readonly string[]): SortBy[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest('The value for sort must be an array');
  return value.map((s: { field?: unknown; order?: unknown }) => {
    const field = String(s?.field);
    if (!sortable.includes(field)) throw badRequest(`Unsupported sort field '${field}': this server sorts by ${sortable.join(', ')}`);
    const order = s.order === undefined ? 'ASC' : String(s.order).toUpperCase();
    if (order !== 'ASC' && order !== 'DESC') throw badRequest(`The value for sort.order is '${String(s.order)}' but must be ASC or DESC`);
    return { field, order };
  });
}

const isEmptyList = (v: unknown) => Array.isArray(v) && v.length === 0;

/**
 * The filter without empty lists: an empty list constrains nothing. The official Java client
 * sends every list it has, set or not (`tags: []`, `processInstanceVariables: []`, `state:
 * { $eq: 'CREATED', $in: [] }`), and Camunda reads those as absent.
 */
function withoutEmptyLists(filter: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) {
    if (isEmptyList(v)) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const ops = Object.entries(v as Record<string, unknown>).filter(([, o]) => !isEmptyList(o));
      if (ops.length === 0 && Object.keys(v).length > 0) continue;
      out[k] = Object.fromEntries(ops);
    } else out[k] = v;
  }
  return out;
}

/** Reads a search body; a filter field or sort field this server does not support is refused, naming it. */
export function searchRequest(body: unknown, filters: readonly string[], sortable: readonly string[]): SearchRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(b)) if (!['filter', 'page', 'sort'].includes(k)) throw badRequest(`Unsupported search field '${k}'`);
  const given = (b.filter ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || Array.isArray(given)) throw badRequest('The value for filter must be an object');
  const filter = withoutEmptyLists(given);
  for (const k of Object.keys(filter)) if (filter[k] !== undefined && !filters.includes(k)) throw badRequest(`Unsupported filter 'filter.${k}': this server filters by ${filters.join(', ') || 'nothing'}`);
  const p = (b.page ?? {}) as Record<string, unknown>;
  const limit = p.limit === undefined ? DEFAULT_LIMIT : Number(p.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw badRequest(`The value for page.limit is '${String(p.limit)}' but must be between 1 and ${MAX_LIMIT}`);
  const from = p.from === undefined ? 0 : Number(p.from);
  if (!Number.isInteger(from) || from < 0) throw badRequest(`The value for page.from is '${String(p.from)}' but must be a non-negative integer`);
  const page: SearchRequest['page'] = { from, limit };
  if (p.after !== undefined) page.from = decodeCursor(p.after, 'after');
  if (p.before !== undefined) {
    page.before = decodeCursor(p.before, 'before');
    page.from = Math.max(0, page.before - limit);
  }
  return { filter, sort: sortOf(b.sort, sortable), page };
}

/** Reads an equality filter: a plain value or `{ $eq }`; other operators are refused, naming them. */
export function exact<T extends string | number | boolean>(value: unknown, name: string, kind: 'string' | 'number' | 'boolean'): T | undefined {
  if (value === undefined) return undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const other = Object.keys(value).find((o) => o !== '$eq');
    if (other) throw badRequest(`Unsupported filter operator 'filter.${name}.${other}': this server supports equality ($eq) only`);
    return exact<T>((value as { $eq?: unknown }).$eq, name, kind);
  }
  if (typeof value !== kind) throw badRequest(`The value for filter.${name} is '${String(value)}' but must be a ${kind}`);
  return value as T;
}

const DIGITS = /^\d+$/;

function compare(a: string | number | boolean | undefined, b: string | number | boolean | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  // int64 keys are decimal strings: shorter is smaller, same length compares as text
  if (typeof a === 'string' && typeof b === 'string' && DIGITS.test(a) && DIGITS.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : 1;
}

/** Sorts items (by the requested fields, then by key) and cuts the requested page; cursors carry the page's offsets. */
export function pageOf<T>(all: T[], request: SearchRequest, keyOf: (item: T) => string, sortable: Sortable<T> = {}): { items: T[]; page: SearchPage } {
  const sorted = [...all].sort((x, y) => {
    for (const s of request.sort) {
      const by = sortable[s.field]!;
      const c = compare(by(x), by(y));
      if (c !== 0) return s.order === 'DESC' ? -c : c;
    }
    return compare(keyOf(x), keyOf(y));
  });
  const { from, limit, before } = request.page;
  const items = sorted.slice(from, before !== undefined ? before : from + limit);
  const page: SearchPage = { totalItems: sorted.length, hasMoreTotalItems: false };
  if (items.length > 0) {
    page.startCursor = encodeCursor(from);
    page.endCursor = encodeCursor(from + items.length);
  }
  return { items, page };
}
