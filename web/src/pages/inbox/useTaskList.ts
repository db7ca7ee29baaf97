import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '../../api/apiFetch';
import type { PageResponse, Task } from '../../api/types';

/** What the inbox asks the server for. */
export interface TaskFilters {
  state: 'open' | 'completed' | 'cancelled';
  assignee: 'me' | 'unassigned' | 'all';
  q: string;
  sort: 'due' | 'priority' | 'created';
}

function queryOf(filters: TaskFilters, cursor: string | null): string {
  const params = new URLSearchParams({ state: filters.state, sort: filters.sort, limit: '25' });
  if (filters.assignee !== 'all') params.set('assignee', filters.assignee);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (cursor) params.set('cursor', cursor);
  return `/api/tasks?${params.toString()}`;
}

/** The task list for the filters, page by page ("Load more" follows the cursor). */
export function useTaskList(filters: TaskFilters) {
  const [items, setItems] = useState<Task[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error' | 'more'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

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

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { items, nextCursor, status, error, loadMore, reload };
}
