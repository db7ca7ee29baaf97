import { useEffect, useState } from 'react';
import { apiFetch } from '../api/apiFetch';
import type { Dealer, ItemsResponse } from '../api/types';

/** Dealer names by id, as far as the user may read dealers (empty until loaded or when they may not). */
export function useDealerNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const controller = new AbortController();
    apiFetch<ItemsResponse<Dealer>>('/api/dealers', { signal: controller.signal }).then(
      ({ items }) => setNames(new Map(items.map((dealer) => [dealer.id, dealer.name]))),
      () => undefined,
    );
    return () => controller.abort();
  }, []);
  return names;
}
