import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { apiFetch } from '../api/apiFetch';
import type { AuditEntryView, AuditPage, Bilingual } from '../api/types';

export type { AuditEntryView, Bilingual } from '../api/types';

/** The Audit page's filters, kept in the address so a filtered view can be linked to (e.g. from a case). */
export interface AuditFilters {
  actor: string;
  action: string;
  caseRef: string;
  instanceKey: string;
  from: string;
  to: string;
}

const names: (keyof AuditFilters)[] = ['actor', 'action', 'caseRef', 'instanceKey', 'from', 'to'];

/** Picks the language's half of a server text. */
export function pick(text: Bilingual, language: string): string {
  return language.startsWith('en') ? text.en : text.ru;
}

/** The filters as a query string for the API (empty ones left out). */
export function auditQuery(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const name of names) if (filters[name].trim()) query.set(name, filters[name].trim());
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query.toString();
}

/** The filters in the page's address, and a setter that replaces them. */
export function useAuditFilters(): [AuditFilters, (filters: AuditFilters) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = useMemo(() => Object.fromEntries(names.map((name) => [name, new URLSearchParams(key).get(name) ?? ''])) as unknown as AuditFilters, [key]);
  const set = useCallback((next: AuditFilters) => setParams(auditQuery(next)), [setParams]);
  return [filters, set];
}

/** The part of the trail loaded so far; `cursor` is where the next page starts. */
export type AuditTrailState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; entries: AuditEntryView[]; cursor?: string; loadingMore: boolean; moreError?: unknown };

/** Reads the filtered trail newest first, `pageSize` entries at a time (the API pages with a cursor). */
export function useAuditTrail(filters: AuditFilters, pageSize = 50): { trail: AuditTrailState; loadMore: () => void; reload: () => void } {
  const [trail, setTrail] = useState<AuditTrailState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const query = auditQuery(filters, { limit: String(pageSize) });

  useEffect(() => {
    const controller = new AbortController();
    setTrail({ status: 'loading' });
    apiFetch<AuditPage>(`/api/audit?${query}`, { signal: controller.signal }).then(
      ({ items, nextCursor }) => setTrail({ status: 'ready', entries: items, cursor: nextCursor, loadingMore: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setTrail({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [query, attempt]);

  const loadMore = useCallback(() => {
    if (trail.status !== 'ready' || trail.loadingMore || !trail.cursor) return;
    const { entries, cursor } = trail;
    setTrail({ ...trail, loadingMore: true, moreError: undefined });
    apiFetch<AuditPage>(`/api/audit?${query}&cursor=${cursor}`).then(
      ({ items, nextCursor }) => setTrail({ status: 'ready', entries: [...entries, ...items], cursor: nextCursor, loadingMore: false }),
      (error: unknown) => setTrail({ status: 'ready', entries, cursor, loadingMore: false, moreError: error }),
    );
  }, [trail, query]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);

  return { trail, loadMore, reload };
}
