import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The queue's order and filters, as the address keeps them (so they survive a reload); empty means the default. */
export interface ApprovalFilters {
  sort: '' | 'amount' | 'created' | 'dealer';
  dealerId: string;
  processId: string;
  coverage: '' | 'covered' | 'notCovered';
  minAmount: string;
}

const names = ['sort', 'dealerId', 'processId', 'coverage', 'minAmount'] as const;

/** The filters from the address, a setter that writes them back, and the query string `/api/approvals` takes. */
export function useApprovalFilters(): { filters: ApprovalFilters; setFilters: (next: ApprovalFilters) => void; query: string } {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(names.map((name) => [name, params.get(name) ?? ''])) as unknown as ApprovalFilters, [params]);
  const setFilters = useCallback((next: ApprovalFilters) => {
    setParams(Object.fromEntries(Object.entries(next).map(([name, value]) => [name, String(value).trim()]).filter(([, value]) => value !== '')));
  }, [setParams]);
  const query = useMemo(() => {
    const search = new URLSearchParams();
    for (const name of names) if (filters[name].trim()) search.set(name, name === 'minAmount' ? String(Math.max(0, Math.floor(Number(filters[name]) || 0))) : filters[name].trim());
    return search.toString();
  }, [filters]);
  return { filters, setFilters, query };
}
