import { useCallback } from 'react';
import type { Task } from '../../api/types';
import { useCursorPages, type PageUrl } from '../../api/useCursorPages';

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

/** The task list for the filters, page by page ("Load more" follows the cursor); `refresh` reloads quietly. */
export function useTaskList(filters: TaskFilters) {
  const pageUrl = useCallback<PageUrl>((cursor, limit) => {
    const params = new URLSearchParams({ ...taskQueryParams(filters), limit: String(limit) });
    if (cursor) params.set('cursor', cursor);
    return `/api/tasks?${params.toString()}`;
  }, [filters]);
  return useCursorPages<Task>(pageUrl);
}
