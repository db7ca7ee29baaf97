import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from './apiFetch';

/** A GET resource as a component sees it. */
export type Resource<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/** Loads `path` on mount (and on reload or refresh), cancelling the request when the component goes away. */
export function useApiResource<T>(path: string): { resource: Resource<T>; reload: () => void; refresh: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<T>(path, { signal: controller.signal }).then(
      (data) => setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  const reload = useCallback(() => {
    setResource({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  /** Loads again but keeps showing the current data until the answer arrives. */
  const refresh = useCallback(() => setAttempt((count) => count + 1), []);

  return { resource, reload, refresh };
}
