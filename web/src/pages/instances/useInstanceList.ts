import { useCallback } from 'react';
import { useCursorPages, type PageUrl } from '../../api/useCursorPages';
import type { InstanceListState, InstanceRow } from '@dealerflow/contract';

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

/** The instance list for the filters, page by page ("Load more" follows the cursor). */
export function useInstanceList(filters: InstanceFilters) {
  const pageUrl = useCallback<PageUrl>((cursor, limit) => {
    const params = new URLSearchParams({ limit: String(limit) });
    for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value.trim());
    if (cursor) params.set('cursor', cursor);
    return `/api/process-instances?${params.toString()}`;
  }, [filters]);
  return useCursorPages<InstanceRow>(pageUrl);
}
