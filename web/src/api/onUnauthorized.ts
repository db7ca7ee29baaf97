type Listener = () => void;
const listeners = new Set<Listener>();

/** Subscribes to "the session is gone" (any API call answered 401); returns the unsubscribe. */
export function onUnauthorized(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every subscriber that the server no longer knows this session. */
export function notifyUnauthorized(): void {
  for (const listener of listeners) listener();
}
