/** What a subscriber hears from the page's one task stream. */
export interface TaskStreamListener {
  /** Task hints arrived, or the stream came back after a drop (hints sent meanwhile are lost). */
  onHint: () => void;
  onStatus: (status: { connected: boolean; closed: boolean }) => void;
}

let source: EventSource | null = null;
let dropped = false;
const listeners = new Set<TaskStreamListener>();

const status = () => ({ connected: source?.readyState === EventSource.OPEN, closed: source?.readyState === EventSource.CLOSED });

function open(): EventSource {
  const stream = new EventSource('/api/tasks/stream', { withCredentials: true });
  dropped = false;
  stream.onopen = () => {
    const reconnected = dropped;
    dropped = false;
    for (const listener of listeners) {
      listener.onStatus(status());
      if (reconnected) listener.onHint();
    }
  };
  stream.onerror = () => {
    dropped = true;
    for (const listener of listeners) listener.onStatus(status());
  };
  stream.addEventListener('task', () => {
    for (const listener of listeners) listener.onHint();
  });
  return stream;
}

/**
 * One `GET /api/tasks/stream` per page, shared by every list and the bell: the server allows a
 * user only a few streams, and each tab should hold one. Closed when the last subscriber leaves.
 */
export function subscribeTaskStream(listener: TaskStreamListener): () => void {
  listeners.add(listener);
  if (!source || source.readyState === EventSource.CLOSED) source = open();
  else listener.onStatus(status());
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}
