import { useEffect, useRef, useState } from 'react';

/** How an open list hears about task changes. */
export interface TaskStreamState {
  /** The stream is open (EventSource reconnects on its own when it drops). */
  connected: boolean;
  /** The browser gave up (the server refused the stream, e.g. the session ended): no more updates. */
  closed: boolean;
  /** When hints last made the list refetch; null until the first one. */
  updatedAt: Date | null;
}

/**
 * Subscribes to `GET /api/tasks/stream` while the component is mounted and calls `onHint`
 * once per burst of task hints (debounced), so a list refetches what changed.
 */
export function useTaskStream(onHint: () => void, debounceMs = 400): TaskStreamState {
  const [state, setState] = useState<TaskStreamState>({ connected: false, closed: false, updatedAt: null });
  const latest = useRef(onHint);
  latest.current = onHint;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/tasks/stream', { withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let dropped = false;
    const refetchSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        latest.current();
        setState((current) => ({ ...current, updatedAt: new Date() }));
      }, debounceMs);
    };
    source.onopen = () => {
      setState((current) => ({ ...current, connected: true, closed: false }));
      // Hints sent while the stream was down are lost: after a reconnect, refetch once.
      if (dropped) refetchSoon();
      dropped = false;
    };
    source.onerror = () => {
      dropped = true;
      setState((current) => ({ ...current, connected: source.readyState === EventSource.OPEN, closed: source.readyState === EventSource.CLOSED }));
    };
    source.addEventListener('task', refetchSoon);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [debounceMs]);

  return state;
}
