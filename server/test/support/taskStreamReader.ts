import { eventually } from './eventually';

/** A task hint as the stream sends it. */
export interface StreamedChange { key: string; change: string; processInstanceKey: string }

/** An open `GET /api/tasks/stream`, read as a browser's EventSource would. */
export interface TaskStreamReader {
  /** The task events received so far. */
  received: StreamedChange[];
  /** Waits for a received event that `matches`. */
  waitFor(matches: (change: StreamedChange) => boolean, timeoutMs?: number): Promise<StreamedChange>;
  close(): void;
}

/** Opens the task stream at `url` under a session cookie; resolves once the server said it is connected. */
export async function openTaskStream(url: string, cookie: string): Promise<TaskStreamReader> {
  const abort = new AbortController();
  const response = await fetch(`${url}/api/tasks/stream`, { headers: { cookie, accept: 'text/event-stream' }, signal: abort.signal });
  if (response.status !== 200 || !response.body) throw new Error(`the task stream answered ${response.status}`);
  const received: StreamedChange[] = [];
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let connected!: () => void;
  const opened = new Promise<void>((resolve) => { connected = resolve; });
  void (async () => {
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffered += value;
      const blocks = buffered.split('\n\n');
      buffered = blocks.pop() ?? '';
      for (const block of blocks) {
        if (block.startsWith(': connected')) connected();
        const lines = block.split('\n');
        const data = lines.find((line) => line.startsWith('data: '));
        if (lines.includes('event: task') && data) received.push(JSON.parse(data.slice('data: '.length)) as StreamedChange);
      }
    }
  })();
  await opened;
  return {
    received,
    waitFor: (matches, timeoutMs = 30_000) => eventually(async () => {
      const found = received.find(matches);
      if (!found) throw new Error(`no such task event among ${received.length} received`);
      return found;
    }, timeoutMs),
    close: () => abort.abort(),
  };
}
