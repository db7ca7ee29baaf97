import { useCallback, useEffect, useRef, useState } from 'react';
import { apiFetch } from '../../api/apiFetch';
import type { PageResponse, Task } from '../../api/types';

/** What the inbox asks the server for. */
export interface TaskFilters {
  state: 'open' | 'completed' | 'cancelled';
  assignee: 'me' | 'unassigned' | 'all';
  q: string;
  sort: 'due' | 'priority' | 'created';
}

/** The inbox's filters as `/api/tasks` query parameters (no paging). */
export function taskQueryParams(filters: TaskFilters): Record<string, string> {
  const params: Record<string, string> = { state: filters.state, sort: filters.sort };
  if (filters.assignee !== 'all') params.assignee = filters.assignee;
  if (filters.q.trim()) params.q = filters.q.trim();
  return params;
}

const PAGE = 25;

function queryOf(filters: TaskFilters, cursor: string | null, limit = PAGE): string {
  const params = new URLSearchParams({ ...taskQueryParams(filters), limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return `/api/tasks?${params.toString()}`;
}

/** The task list for the filters, page by page ("Load more" follows the cursor); `refresh` reloads quietly. */
export function useTaskList(filters: TaskFilters) {
  const [items, setItems] = useState<Task[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error' | 'more'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const shown = useRef(PAGE);
  shown.current = Math.min(Math.max(items.length, PAGE), 200);

  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    apiFetch<PageResponse<Task>>(queryOf(filters, null), { signal: controller.signal }).then(
      (page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor ?? null);
        setStatus('ready');
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setStatus('error');
      },
    );
    return () => controller.abort();
  }, [filters, attempt]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    setStatus('more');
    apiFetch<PageResponse<Task>>(queryOf(filters, nextCursor)).then(
      (page) => {
        setItems((current) => [...current, ...page.items]);
        setNextCursor(page.nextCursor ?? null);
        setStatus('ready');
      },
      (failure: unknown) => {
        setError(failure);
        setStatus('error');
      },
    );
  }, [filters, nextCursor]);

  /** Fetches as many rows as are shown again, keeping the table on screen (a failed refresh changes nothing). */
  const refresh = useCallback(() => {
    apiFetch<PageResponse<Task>>(queryOf(filters, null, shown.current)).then(
      (page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor ?? null);
        setStatus((current) => (current === 'error' ? current : 'ready'));
      },
      () => undefined,
    );
  }, [filters]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { items, nextCursor, status, error, loadMore, reload, refresh };
}
