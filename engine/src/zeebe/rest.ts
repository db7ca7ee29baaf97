import { EngineError, NotFoundError } from '../port';
import type { TokenSource } from './oauth';

/** Options of the v2 REST client. */
export interface RestOptions {
  /** Base address without /v2, e.g. http://127.0.0.1:8080. */
  baseUrl: string;
  /** Extra headers (an Authorization header for a secured cluster). */
  headers?: Record<string, string>;
  /** OAuth: each request carries the source's bearer token; a 401 renews it and sends the request once more. */
  tokens?: TokenSource;
  /** Attempts on back-pressure (RESOURCE_EXHAUSTED) before giving up. Default 8. */
  maxAttempts?: number;
  /** First back-off in ms, doubled per attempt up to 5 s, with jitter. Default 100. */
  initialBackOff?: number;
  /** Per-request timeout in ms. Default 30 s. */
  requestTimeout?: number;
}

/** An RFC 7807 problem as the Orchestration Cluster API returns it. */
interface Problem {
  title?: string;
  detail?: string;
  status?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Keys are int64: newer clusters send them as strings, older ones as JSON numbers that can
 * exceed 2^53. Quote every number-valued "...Key" (and "key") before parsing so no key ever
 * passes through a double.
 */
export function parseJsonKeepingKeys(text: string): unknown {
  if (text === '') return undefined;
  return JSON.parse(text.replace(/("(?:[A-Za-z]*Key|key)"\s*:\s*)(-?\d+)(?=\s*[,}\]])/g, '$1"$2"'));
}

/** A back-pressure answer: 503 (or 429) whose title names RESOURCE_EXHAUSTED. */
function isBackPressure(status: number, problem: Problem | undefined): boolean {
  return (status === 503 || status === 429) && (problem?.title ?? '').includes('RESOURCE_EXHAUSTED');
}

/** A small client for the Orchestration Cluster REST API (v2). */
export class RestClient {
  private readonly maxAttempts: number;
  private readonly initialBackOff: number;
  private readonly requestTimeout: number;

  constructor(private readonly options: RestOptions) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.initialBackOff = options.initialBackOff ?? 100;
    this.requestTimeout = options.requestTimeout ?? 30_000;
  }

  /** Sends a JSON request; retries with exponential back-off while the broker pushes back. */
  async request<T>(method: string, path: string, body?: unknown, opts: { notFound?: [string, string]; timeout?: number; /** Return the body as text (an XML answer). */ raw?: boolean } = {}): Promise<T> {
    const isForm = body instanceof FormData;
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${this.options.baseUrl.replace(/\/$/, '')}/v2${path}`, {
        method,
        headers: { accept: opts.raw ? 'text/xml, application/json' : 'application/json', ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }), ...this.options.headers, ...(await this.options.tokens?.headers()) },
        body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeout ?? this.requestTimeout),
      });
      const text = await response.text();
      // a token the cluster no longer takes (revoked, or its keys rotated): fetch a new one, once
      if (response.status === 401 && this.options.tokens && !renewed) {
        renewed = true;
        this.options.tokens.forget();
        attempt--;
        continue;
      }
      if (response.ok) return (opts.raw ? text : parseJsonKeepingKeys(text)) as T;
      let problem: Problem | undefined;
      try {
        problem = parseJsonKeepingKeys(text) as Problem;
      } catch {
        problem = { detail: text };
      }
      if (isBackPressure(response.status, problem) && attempt < this.maxAttempts) {
        const backOff = Math.min(5_000, this.initialBackOff * 2 ** (attempt - 1));
        await sleep(backOff / 2 + Math.random() * (backOff / 2));
        continue;
      }
      throw toEngineError(method, path, response.status, problem, opts.notFound);
    }
  }
}

/** Maps an HTTP failure to the port's errors. */
function toEngineError(method: string, path: string, status: number, problem: Problem | undefined, notFound?: [string, string]): EngineError {
  const message = problem?.detail ?? problem?.title ?? `HTTP ${status}`;
  if (status === 404 && notFound) return new NotFoundError(notFound[0], notFound[1]);
  if (status === 404) return new EngineError('NOT_FOUND', message, { method, path, status });
  // Camunda answers a duplicate (a message id still buffered) with 409 and the title ALREADY_EXISTS.
  if (status === 409 && problem?.title === 'ALREADY_EXISTS') return new EngineError('ALREADY_EXISTS', message, { method, path, status });
  if (status === 409) return new EngineError('INVALID_STATE', message, { method, path, status });
  if (status === 400) return new EngineError('INVALID_ARGUMENT', message, { method, path, status });
  return new EngineError('INVALID_STATE', `${method} ${path} failed: ${message}`, { method, path, status, problem });
}
