import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useCursorPages, type PageUrl } from '../../api/useCursorPages';

/** Where a case is, as the search filters it. */
export type CaseState = 'active' | 'completed' | 'terminated';

/** `GET /api/cases`: one case of the Cases page. */
export interface CaseRow {
  key: string;
  caseRef: string | null;
  bpmnProcessId: string;
  processName: string;
  version: number;
  state: CaseState;
  dealerId: string | null;
  vin: string | null;
  customerName: string | null;
  currentSteps: { elementId: string; name: string }[];
  startedAt: string;
  endedAt: string | null;
}

/** The search's fields, as the address keeps them; empty strings mean "any". */
export const caseFilterNames = ['ref', 'vin', 'customer', 'processId', 'state', 'dealerId', 'from', 'to'] as const;

/** The Cases page's filters. */
export type CaseFilters = Record<(typeof caseFilterNames)[number], string>;

/** The filters in the address (so a search survives a reload and can be shared), and a way to change them. */
export function useCaseFilters(): [CaseFilters, (filters: CaseFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(caseFilterNames.map((name) => [name, params.get(name) ?? ''])) as CaseFilters, [params]);
  const change = useCallback((next: CaseFilters) => {
    setParams(Object.fromEntries(Object.entries(next).map(([name, value]) => [name, value.trim()]).filter(([, value]) => value !== '')));
  }, [setParams]);
  return [filters, change];
}

/** The cases matching the filters, newest first, page by page. */
export function useCaseSearch(filters: CaseFilters) {
  const pageUrl = useCallback<PageUrl>((cursor, limit) => {
    const params = new URLSearchParams({ limit: String(limit) });
    for (const [name, value] of Object.entries(filters)) if (value.trim()) params.set(name, value.trim());
    if (cursor) params.set('cursor', cursor);
    return `/api/cases?${params.toString()}`;
  }, [filters]);
  return useCursorPages<CaseRow>(pageUrl);
}
