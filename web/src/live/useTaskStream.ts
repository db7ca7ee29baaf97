import { useEffect, useRef, useState } from 'react';
import { subscribeTaskStream } from './taskStreamConnection';

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
 * Listens to the page's task stream (see `subscribeTaskStream`) while the component is mounted
 * and calls `onHint` once per burst of task hints (debounced), so a list refetches what changed.
 */
export function useTaskStream(onHint: () => void, debounceMs = 400): TaskStreamState {
  const [state, setState] = useState<TaskStreamState>({ connected: false, closed: false, updatedAt: null });
  const latest = useRef(onHint);
  latest.current = onHint;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribeTaskStream({
      onHint: () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          latest.current();
          setState((current) => ({ ...current, updatedAt: new Date() }));
        }, debounceMs);
      },
      onStatus: ({ connected, closed }) => setState((current) => ({ ...current, connected, closed })),
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [debounceMs]);

  return state;
}
