import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

type Reply = { id: number; result?: unknown; error?: string };

/*
 * Sources also run uncompiled (in development and tests, where the test runner compiles
 * them); a worker thread starts without that compiler, so it is given one.
 */
const TYPESCRIPT_HOOK = `const { transformSync } = require('@swc/core'); const { readFileSync } = require('node:fs');
require.extensions['.ts'] = (m, file) => m._compile(transformSync(readFileSync(file, 'utf8'), { filename: file, jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' }, module: { type: 'commonjs' } }).code, file);`;

/**
 * A few worker threads that run one module's handler (see serveInWorker) off the event
 * loop: work is queued, each worker takes one request at a time, a worker that dies is
 * replaced. Only a busy worker keeps the process alive; an idle pool never does.
 */
export class WorkerPool<Request, Result> {
  private readonly slots: Slot[] = [];
  private readonly queue: Array<{ request: Request; pending: Pending }> = [];
  private readonly waiting = new Map<Worker, { id: number; pending: Pending }>();
  private nextId = 0;
  private done = 0;

  constructor(private readonly entry: string, private readonly size = Math.max(1, Math.min(2, availableParallelism() - 1))) {}

  /** Runs a request on a worker; rejects with the handler's error message. */
  run(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, pending: { resolve: resolve as (value: unknown) => void, reject } });
      this.dispatch();
    });
  }

  /** How many requests workers have answered (for tests and diagnostics). */
  get completed(): number {
    return this.done;
  }

  /** Stops every worker; requests still queued are rejected. */
  async close(): Promise<void> {
    for (const { pending } of this.queue.splice(0)) pending.reject(new Error('worker pool closed'));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => !s.busy) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const { request, pending } = this.queue.shift()!;
      const id = ++this.nextId;
      slot.busy = true;
      slot.worker.ref();
      this.waiting.set(slot.worker, { id, pending });
      slot.worker.postMessage({ id, request });
    }
  }

  private spawn(): Slot {
    const bootstrap = this.entry.endsWith('.ts') ? `${TYPESCRIPT_HOOK}\nrequire(${JSON.stringify(this.entry)});` : `require(${JSON.stringify(this.entry)});`;
    const worker = new Worker(bootstrap, { eval: true });
    worker.unref();
    const slot: Slot = { worker, busy: false };
    worker.on('message', (reply: Reply) => {
      const current = this.waiting.get(worker);
      if (!current || current.id !== reply.id) return;
      this.waiting.delete(worker);
      slot.busy = false;
      worker.unref();
      this.done++;
      if (reply.error !== undefined) current.pending.reject(new Error(reply.error));
      else current.pending.resolve(reply.result);
      this.dispatch();
    });
    const lost = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      this.waiting.get(worker)?.pending.reject(error);
      this.waiting.delete(worker);
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`worker thread exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }
}
