import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the receiver got. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the receiver answers a request: a status, optional headers and body. */
export type Answer = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number };

/** A webhook receiver on 127.0.0.1 that records what it gets and answers per path as told (200 unless told otherwise). */
export interface LocalReceiver {
  url(path: string): string;
  received(path?: string): Received[];
  /** Answers for the next requests on `path`, in order; after them, `fallback`. */
  answer(path: string, answers: Answer[], fallback?: Answer): void;
  close(): Promise<void>;
}

/** Starts a receiver on a free port of 127.0.0.1. */
export async function startReceiver(): Promise<LocalReceiver> {
  const log: Received[] = [];
  const plans = new Map<string, { queue: Answer[]; fallback: Answer }>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      log.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const plan = plans.get(path);
      const answer = plan?.queue.shift() ?? plan?.fallback ?? { status: 200, body: 'ok' };
      setTimeout(() => {
        res.writeHead(answer.status, answer.headers ?? { 'Content-Type': 'text/plain' });
        res.end(answer.body ?? '');
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received: (path) => log.filter((r) => path === undefined || r.path === path),
    answer: (path, answers, fallback = { status: 200, body: 'ok' }) => plans.set(path, { queue: [...answers], fallback }),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
