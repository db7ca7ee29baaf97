import { apiFetch } from '../api/apiFetch';
import type { PageResponse } from '../api/types';

/** More rows than this are not exported (a workbook for people, not a database dump). */
export const MAX_EXPORT_ROWS = 20_000;

/** Every row of a cursor-paged list: `path` with `params`, following `nextCursor` to the end. */
export async function fetchAllPages<T>(path: string, params: Record<string, string> = {}, pageSize = 200): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...params, limit: String(pageSize) });
    if (cursor) query.set('cursor', cursor);
    const page: PageResponse<T> = await apiFetch<PageResponse<T>>(`${path}?${query.toString()}`);
    rows.push(...page.items);
    cursor = page.nextCursor ?? null;
  } while (cursor && rows.length < MAX_EXPORT_ROWS);
  return rows.slice(0, MAX_EXPORT_ROWS);
}
