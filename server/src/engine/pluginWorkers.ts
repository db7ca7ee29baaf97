import type { ProcessEngine, Worker } from '@dealerflow/engine';
import { runPlugin, type Plugin, type PluginLogger } from '@dealerflow/plugins';
import { JobAttempts } from './JobAttempts';

/** Starts one engine worker per plugin; each job ends in exactly the one action runPlugin decides. */
export function startPluginWorkers(engine: ProcessEngine, plugins: Plugin[], log: PluginLogger): Worker[] {
  const attempts = new JobAttempts();
  return plugins.map((plugin) => engine.createWorker(plugin.taskType, async (job, actions) => {
    const controller = new AbortController();
    const lockLeft = Math.max(0, job.deadline - Date.now());
    const timeout = setTimeout(() => controller.abort(new Error('job lock expired')), lockLeft).unref();
    try {
      const outcome = await runPlugin(plugin, job.variables, {
        log,
        signal: controller.signal,
        headers: job.customHeaders,
        jobKey: job.key,
        processInstanceKey: job.processInstanceKey,
        retries: job.retries,
      }, attempts.attempt(job.key, job.retries));
      if (outcome.kind !== 'fail' || outcome.retries === 0) attempts.done(job.key);
      switch (outcome.kind) {
        case 'complete':
          return actions.complete(outcome.variables);
        case 'bpmnError':
          return actions.error({ errorCode: outcome.code, errorMessage: outcome.message, variables: outcome.variables });
        case 'fail':
          return actions.fail({ retries: outcome.retries, retryBackOff: outcome.retryBackOffMs, errorMessage: outcome.message });
      }
    } finally {
      clearTimeout(timeout);
    }
  }, { worker: 'dealerflow-server' }));
}
