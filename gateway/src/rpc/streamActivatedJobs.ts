import { status, type ServerWritableStream } from '@grpc/grpc-js';
import type { Job } from '@dealerflow/engine';
import { activationRequest, type ActivationFields } from '../jobs/activationRequest';
import { toActivatedJob } from '../jobs/toActivatedJob';
import { GatewayError } from './GatewayError';
import type { StreamRpc } from './Rpc';

/** Writes jobs to a client's stream and tells whether the stream's buffer has room for more. */
class StreamWriter {
  private backedUp = false;

  constructor(private readonly call: ServerWritableStream<unknown, object>, private readonly signal: AbortSignal) {}

  /** True while the client reads what it is sent and has not left. */
  get ready(): boolean {
    return !this.backedUp && !this.signal.aborted;
  }

  write(job: Job): void {
    if (this.call.write(toActivatedJob(job)) || this.backedUp) return;
    this.backedUp = true;
    void this.drained().then(() => (this.backedUp = false));
  }

  /** Resolves when the stream can take more, or when the client leaves. */
  drained(): Promise<void> {
    if (!this.backedUp || this.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.call.off('drain', done);
        this.signal.removeEventListener('abort', done);
        resolve();
      };
      this.call.on('drain', done);
      this.signal.addEventListener('abort', done);
    });
  }
}

/**
 * Pushes jobs of a type to the client until the client leaves or the gateway closes (UNAVAILABLE).
 * New jobs are locked for the stream in the step that creates them (the engine's push); jobs that
 * were waiting when the stream opened, that were created while the stream was backed up, or that
 * came back (a failure with retries, an expired lock) are activated for it as they become activatable.
 */
export const streamActivatedJobs: StreamRpc<ActivationFields> = {
  kind: 'stream',
  async handle(call, { engine, jobs, limits, closing }, signal) {
    const activation = activationRequest('StreamActivatedJobs', call.request, limits.streamBatch);
    const writer = new StreamWriter(call as ServerWritableStream<unknown, object>, signal);
    const stopPush = engine.pushJobs({
      request: activation,
      ready: () => writer.ready,
      push: (pushed) => {
        if (signal.aborted) return false;
        for (const job of pushed) writer.write(job);
        return true;
      },
    });
    try {
      while (!signal.aborted) {
        const since = jobs.version(activation.type);
        const activated = await engine.activateJobs(activation);
        for (const [i, job] of activated.entries()) {
          if (signal.aborted) {
            // the client left mid-batch: the jobs it never got are offered again at once
            await Promise.all(activated.slice(i).map((j) => engine.updateJobTimeout(j.key, 0).catch(() => undefined)));
            return;
          }
          writer.write(job);
          await writer.drained();
        }
        if (activated.length < activation.maxJobsToActivate) await jobs.wait(activation.type, since, Infinity, signal);
      }
    } finally {
      stopPush();
    }
    // an error, not a normal end, so clients that reopen streams on errors come back to the next gateway
    if (closing.aborted) throw new GatewayError(status.UNAVAILABLE, 'the gateway is shutting down');
  },
};
