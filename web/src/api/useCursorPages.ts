import { useCallback, useEffect, useRef, useState } from 'react';
import { apiFetch } from './apiFetch';
import type { PageResponse } from './types';

/** The address of one page: from the start (`cursor` null) or after a cursor, `limit` rows. */
export type PageUrl = (cursor: string | null, limit: number) => string;

/** Rows of a first page, and the most a quiet refresh fetches again. */
const PAGE = 25;
const MOST = 200;

/**
 * A keyset-paged API list: the first page whenever `pageUrl` changes (keep it memoized),
 * "Load more" following the cursor, `reload` with a loading state, and `refresh` that fetches
 * as many rows as are shown again while the table stays on screen (a failed refresh changes nothing).
 */
export function useCursorPages<T>(pageUrl: PageUrl) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error' | 'more'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const shown = useRef(PAGE);
  shown.current = Math.min(Math.max(items.length, PAGE), MOST);

  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    apiFetch<PageResponse<T>>(pageUrl(null, PAGE), { signal: controller.signal }).then(
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
  }, [pageUrl, attempt]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    setStatus('more');
    apiFetch<PageResponse<T>>(pageUrl(nextCursor, PAGE)).then(
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
  }, [pageUrl, nextCursor]);

  const refresh = useCallback(() => {
    apiFetch<PageResponse<T>>(pageUrl(null, shown.current)).then(
      (page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor ?? null);
        setStatus((current) => (current === 'error' ? current : 'ready'));
      },
      () => undefined,
    );
  }, [pageUrl]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { items, nextCursor, status, error, loadMore, reload, refresh };
}
