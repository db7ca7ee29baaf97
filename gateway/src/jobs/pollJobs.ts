import type { ActivateJobsRequest, Job, ServableEngine } from '@dealerflow/engine';
import type { JobSignal } from './JobSignal';

/**
 * Activates jobs of a type, waiting up to `waitMs` for some to become activatable. Jobs
 * activated just as the caller left (`signal`) are offered again at once rather than left
 * to time out, and nothing is answered.
 */
export async function pollJobs(engine: ServableEngine, jobs: JobSignal, activation: ActivateJobsRequest, waitMs: number, signal: AbortSignal): Promise<Job[]> {
  const until = Date.now() + waitMs;
  for (;;) {
    const since = jobs.version(activation.type);
    const activated = await engine.activateJobs(activation);
    if (activated.length > 0) {
      if (!signal.aborted) return activated;
      await Promise.all(activated.map((j) => engine.updateJobTimeout(j.key, 0).catch(() => undefined)));
      return [];
    }
    if (signal.aborted || Date.now() >= until) return [];
    await jobs.wait(activation.type, since, until - Date.now(), signal);
  }
}
