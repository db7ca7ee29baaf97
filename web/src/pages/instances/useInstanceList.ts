import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '../../api/apiFetch';
import type { PageResponse } from '../../api/types';
import type { InstanceListState, InstanceRow } from './types';

/** What the instance list asks the server for; empty strings mean "any". */
export interface InstanceFilters {
  processId: string;
  version: string;
  state: InstanceListState | '';
  dealerId: string;
  hasIncident: '' | 'true' | 'false';
}

/** No filter at all. */
export const noFilters: InstanceFilters = { processId: '', version: '', state: '', dealerId: '', hasIncident: '' };

function queryOf(filters: InstanceFilters, cursor: string | null): string {
  const params = new URLSearchParams({ limit: '25' });
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value.trim());
  if (cursor) params.set('cursor', cursor);
  return `/api/process-instances?${params.toString()}`;
}

/** The instance list for the filters, page by page ("Load more" follows the cursor). */
export function useInstanceList(filters: InstanceFilters) {
  const [items, setItems] = useState<InstanceRow[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error' | 'more'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    apiFetch<PageResponse<InstanceRow>>(queryOf(filters, null), { signal: controller.signal }).then(
      (page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
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
    apiFetch<PageResponse<InstanceRow>>(queryOf(filters, nextCursor)).then(
      (page) => {
        setItems((current) => [...current, ...page.items]);
        setNextCursor(page.nextCursor);
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
