import { useEffect } from 'react';

/** How often an active instance is fetched again: jobs, retries and other people move it on. */
const REFRESH_MS = 3000;

/** Calls `refresh` every few seconds while `active` and the tab is visible. */
export function useWhileActive(active: boolean, refresh: () => void): void {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, refresh]);
}
