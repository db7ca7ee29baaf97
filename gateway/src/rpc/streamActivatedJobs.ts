import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { activationRequest, type ActivationFields } from '../jobs/activationRequest';
import { toActivatedJob } from '../jobs/toActivatedJob';
import { GatewayError } from './GatewayError';
import type { StreamRpc } from './Rpc';

/** Resolves when the stream can take more, or when the client leaves. */
function drained(call: ServerWritableStream<unknown, object>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    call.on('drain', done);
    signal.addEventListener('abort', done);
  });
}

/**
 * Pushes jobs of a type to the client as they become activatable, until the client leaves
 * or the gateway closes (UNAVAILABLE). Jobs that were already waiting when the stream opened are pushed too.
 */
export const streamActivatedJobs: StreamRpc<ActivationFields> = {
  kind: 'stream',
  async handle(call, { engine, jobs, limits, closing }, signal) {
    const activation = activationRequest('StreamActivatedJobs', call.request, limits.streamBatch);
    while (!signal.aborted) {
      const since = jobs.version(activation.type);
      const activated = await engine.activateJobs(activation);
      for (const [i, job] of activated.entries()) {
        if (signal.aborted) {
          // the client left mid-batch: the jobs it never got are offered again at once
          await Promise.all(activated.slice(i).map((j) => engine.updateJobTimeout(j.key, 0).catch(() => undefined)));
          return;
        }
        if (!call.write(toActivatedJob(job))) await drained(call as ServerWritableStream<unknown, object>, signal);
      }
      if (activated.length < activation.maxJobsToActivate) await jobs.wait(activation.type, since, Infinity, signal);
    }
    // an error, not a normal end, so clients that reopen streams on errors come back to the next gateway
    if (closing.aborted) throw new GatewayError(status.UNAVAILABLE, 'the gateway is shutting down');
  },
};
