import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { RefusedTarget, type AddressPolicy } from './addressPolicy';

/** What one post came to: an HTTP status, or no answer and why. */
export interface PostResult {
  responseCode: number | null;
  ok: boolean;
  error: string | null;
  excerpt: string | null;
  durationMs: number;
}

const EXCERPT_CHARS = 200;
const EXCERPT_BYTES = 1024;

/**
 * Posts one signed body. The connection goes to an address the policy checked at this moment
 * (our own DNS lookup feeds the socket, and the connected peer is checked again), so a name
 * that now resolves elsewhere (DNS rebinding) is refused. Redirects are never followed; only
 * a short excerpt of the answer is read.
 */
export async function postWebhook(policy: AddressPolicy, rawUrl: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostResult> {
  const started = Date.now();
  const done = (result: Omit<PostResult, 'durationMs'>): PostResult => ({ ...result, durationMs: Date.now() - started });
  let url: URL;
  try {
    url = policy.parse(rawUrl);
    await policy.resolve(url.hostname);
  } catch (error) {
    return done({ responseCode: null, ok: false, error: short(error), excerpt: null });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const checkedLookup: LookupFunction = (_name, options, callback) => {
    policy.resolve(host).then((addresses) => {
      if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    }, (error: Error) => callback(error as NodeJS.ErrnoException, '', 0));
  };
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), 'User-Agent': 'Dealerflow-Webhooks/1' },
      lookup: checkedLookup,
      timeout: timeoutMs,
      agent: false,
    });
    const overall = setTimeout(() => req.destroy(new Error(`No answer within ${timeoutMs} ms`)), timeoutMs);
    let finished = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (finished) return;
      finished = true;
      clearTimeout(overall);
      resolve(done(result));
    };
    req.on('socket', (socket: Socket) => socket.once('connect', () => {
      const peer = socket.remoteAddress ?? '';
      if (!policy.permits(host, peer)) req.destroy(new RefusedTarget(`Connected to ${peer}, a private, local or metadata address; the delivery was stopped`, 'address'));
    }));
    req.on('timeout', () => req.destroy(new Error(`No answer within ${timeoutMs} ms`)));
    req.on('error', (error) => finish({ responseCode: null, ok: false, error: short(error), excerpt: null }));
    req.on('response', (response: IncomingMessage) => {
      const code = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const settle = () => {
        const excerpt = Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_CHARS) || null;
        const redirect = code >= 300 && code < 400;
        const error = code >= 200 && code < 300 ? null : redirect ? `Redirect (${code}) not followed` : `The receiver answered ${code}`;
        response.destroy();
        finish({ responseCode: code, ok: error === null, error, excerpt });
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= EXCERPT_BYTES) settle();
      });
      response.once('end', settle);
      response.once('error', settle);
    });
    req.end(body);
  });
}

const short = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 200);
