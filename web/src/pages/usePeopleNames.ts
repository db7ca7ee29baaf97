import { useEffect, useState } from 'react';
import { apiFetch } from '../api/apiFetch';
import type { NameOf } from '../api/describeError';
import type { ItemsResponse, UserView } from '../api/types';

/**
 * Display names by login of the people the user may see, and of those in `known` (the people a
 * case names, which its readers see by name whatever the directory shows them); a login out of
 * reach of both stays as it is.
 */
export function usePeopleNames(known: Record<string, string> = {}): NameOf {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const controller = new AbortController();
    apiFetch<ItemsResponse<Pick<UserView, 'username' | 'displayName'>>>('/api/users', { signal: controller.signal }).then(
      ({ items }) => setNames(new Map(items.map((person) => [person.username, person.displayName]))),
      () => undefined,
    );
    return () => controller.abort();
  }, []);
  return (login) => names.get(login) ?? known[login] ?? login;
}
