import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '../api/apiFetch';
import type { AuditEntry, ItemsResponse } from '../api/types';

/** The part of the trail loaded so far; `more` is true while a full page came back last. */
export type AuditTrailState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; entries: AuditEntry[]; more: boolean; loadingMore: boolean; moreError?: unknown };

/** Reads the trail oldest first, `pageSize` entries at a time (the API pages forward with `afterSeq`). */
export function useAuditTrail(pageSize = 100): { trail: AuditTrailState; loadMore: () => void; reload: () => void } {
  const [trail, setTrail] = useState<AuditTrailState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<ItemsResponse<AuditEntry>>(`/api/audit?limit=${pageSize}`, { signal: controller.signal }).then(
      ({ items }) => setTrail({ status: 'ready', entries: items, more: items.length === pageSize, loadingMore: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setTrail({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [pageSize, attempt]);

  const loadMore = useCallback(() => {
    if (trail.status !== 'ready' || trail.loadingMore || !trail.more) return;
    const { entries } = trail;
    const afterSeq = entries.length ? entries[entries.length - 1].seq : 0;
    setTrail({ ...trail, loadingMore: true, moreError: undefined });
    apiFetch<ItemsResponse<AuditEntry>>(`/api/audit?limit=${pageSize}&afterSeq=${afterSeq}`).then(
      ({ items }) => setTrail({ status: 'ready', entries: [...entries, ...items], more: items.length === pageSize, loadingMore: false }),
      (error: unknown) => setTrail({ status: 'ready', entries, more: true, loadingMore: false, moreError: error }),
    );
  }, [trail, pageSize]);

  const reload = useCallback(() => {
    setTrail({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  return { trail, loadMore, reload };
}
