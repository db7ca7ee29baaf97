import { parentPort } from 'node:worker_threads';

/** Answers a WorkerPool's requests with a handler, in the worker thread that loaded the calling module. */
export function serveInWorker<Request, Result>(handler: (request: Request) => Result | Promise<Result>): void {
  const port = parentPort;
  if (!port) throw new Error('serveInWorker runs only in a worker thread');
  port.on('message', ({ id, request }: { id: number; request: Request }) => {
    Promise.resolve()
      .then(() => handler(request))
      .then((result) => port.postMessage({ id, result }), (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }));
  });
}
