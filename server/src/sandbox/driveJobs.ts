import type { Job, ProcessEngine } from '@dealerflow/engine';
import { runPlugin, type Plugin, type PluginLogger } from '@dealerflow/plugins';

/** Rounds of job activation before a test run gives up (a model that loops through service tasks forever). */
const MAX_ROUNDS = 200;

async function work(engine: ProcessEngine, plugin: Plugin, job: Job, log: PluginLogger): Promise<void> {
  const outcome = await runPlugin(plugin, job.variables, {
    log, signal: new AbortController().signal, headers: job.customHeaders, jobKey: job.key, processInstanceKey: job.processInstanceKey, retries: job.retries,
  });
  switch (outcome.kind) {
    case 'complete':
      return engine.completeJob(job.key, outcome.variables);
    case 'bpmnError':
      return engine.throwJobError(job.key, { errorCode: outcome.code, errorMessage: outcome.message, variables: outcome.variables });
    case 'fail':
      // No back-off in a test run: the retries are spent at once, so the admin sees the incident now.
      return engine.failJob(job.key, { retries: outcome.retries, retryBackOff: 0, errorMessage: outcome.message });
  }
}

/**
 * Works every job the plugins serve until none is left, in the caller's time: a test run
 * answers with the state the model settles in (a user task, an incident or the end).
 */
export async function driveJobs(engine: ProcessEngine, plugins: Plugin[], log: PluginLogger): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let worked = 0;
    for (const plugin of plugins) {
      const jobs = await engine.activateJobs({ type: plugin.taskType, maxJobsToActivate: 32, timeout: 60_000, worker: 'sandbox' });
      for (const job of jobs) await work(engine, plugin, job, log);
      worked += jobs.length;
    }
    if (worked === 0) return;
  }
}
