import type { FailJobOptions, Job, JobPushTarget, JobResult, ThrowErrorOptions, Variables } from '../../port';
import { EngineError, NotFoundError } from '../../port';
import type { WaitItem } from '../store/EngineStore';
import { completeElement } from './Executor';
import { raiseIncident } from './incidents';
import { lockJob } from './jobPush';
import type { Step } from './Step';
import { throwError } from './terminate';
import { abandonCanceling, completeListenerJob } from './userTaskTransitions';
import { setLocalVariable, visibleVariables } from './variables';
import { jobOf } from './waits';

/** Locks up to max available jobs of a type (new, backed off and expired locks alike). */
export async function activateJobs(step: Step, type: string, max: number, timeout: number, worker: string, fetch?: string[]): Promise<Job[]> {
  const items = await step.tx.findItems({ kind: 'job', name: type, correlationKey: '', dueBefore: step.now, limit: max });
  const jobs: Job[] = [];
  for (const it of items) {
    lockJob(it, step.now, { timeout, worker });
    await step.tx.putItem(it, false);
    jobs.push(await activatedJob(step, it, fetch));
  }
  return jobs;
}

/** A locked job item as its worker gets it, with the variables it sees as the step ends. */
async function activatedJob(step: Step, it: WaitItem, fetch?: string[]): Promise<Job> {
  const rec = await step.instance(it.instanceKey);
  // a canceling listener's job keeps the variables its task saw: the task's element is gone
  let variables = (it.data.variables as Variables | undefined) ?? (rec ? visibleVariables(rec, it.elementInstanceId) : {});
  if (fetch) variables = Object.fromEntries(fetch.filter((k) => k in variables).map((k) => [k, variables[k]]));
  const job = jobOf(it, variables);
  if (rec) Object.assign(job, { processDefinitionKey: rec.definitionKey, processDefinitionVersion: rec.version });
  return job;
}

/**
 * The jobs a step locked for job streams as it created them, by stream, read at the step's end.
 * A job whose element the same step ended (its wait is gone, and its item with it) is left out.
 */
export async function pushedJobs(step: Step): Promise<Map<JobPushTarget, Job[]>> {
  const out = new Map<JobPushTarget, Job[]>();
  for (const { target, item } of step.pushed) {
    const rec = await step.instance(item.instanceKey);
    if (!rec?.elements[item.elementInstanceId]?.waits?.includes(item.key)) continue;
    const list = out.get(target) ?? [];
    list.push(await activatedJob(step, item, target.request.fetchVariables));
    out.set(target, list);
  }
  return out;
}

async function openJob(step: Step, jobKey: string): Promise<WaitItem> {
  const it = await step.tx.getItem(jobKey);
  if (!it || it.kind !== 'job' || it.dueAt === null) throw new NotFoundError('job', jobKey);
  return it;
}

async function jobElement(step: Step, it: WaitItem) {
  const rec = await step.instance(it.instanceKey);
  const ei = rec?.elements[it.elementInstanceId];
  if (!rec || !ei) throw new NotFoundError('job', it.key);
  ei.waits = ei.waits?.filter((k) => k !== it.key);
  return { rec, ei };
}

/** Completes a job and its task. */
export async function completeJob(step: Step, jobKey: string, variables: Variables, result?: JobResult): Promise<void> {
  const it = await openJob(step, jobKey);
  if (it.data.listener) return completeListenerJob(step, it, variables, result);
  if (result) throw new EngineError('INVALID_ARGUMENT', `Expected to complete job with key '${jobKey}', but a result is only supported for task listener jobs`);
  await step.tx.deleteItem(jobKey);
  const { rec, ei } = await jobElement(step, it);
  await completeElement(step, rec, ei, variables);
}

/** Fails a job: back off and re-offer while retries are left, else an incident. */
export async function failJob(step: Step, jobKey: string, options: FailJobOptions): Promise<void> {
  const it = await openJob(step, jobKey);
  it.data.retries = options.retries;
  it.data.locked = false;
  it.data.errorMessage = options.errorMessage ?? '';
  if (options.variables && Object.keys(options.variables).length > 0) {
    // as in Zeebe, a failure's variables are local to the task, so a retry sees them
    const rec = await step.instance(it.instanceKey);
    if (rec?.elements[it.elementInstanceId]) for (const [name, value] of Object.entries(options.variables)) setLocalVariable(rec, it.elementInstanceId, name, value);
  }
  if (options.retries > 0) {
    it.dueAt = step.now + (options.retryBackOff ?? 0);
    await step.tx.putItem(it, false);
    if (!options.retryBackOff) step.jobTypes.add(it.name);
    return;
  }
  const rec = await step.instance(it.instanceKey);
  const ei = rec?.elements[it.elementInstanceId];
  if (it.data.listener && !ei) return abandonCanceling(step, it);
  it.dueAt = null;
  await step.tx.putItem(it, false);
  if (rec && ei) await raiseIncident(step, rec, ei, it.data.listener ? 'TASK_LISTENER_NO_RETRIES' : 'JOB_NO_RETRIES', options.errorMessage || `job ${jobKey} failed with no retries left`, { phase: 'job', jobKey });
}

/**
 * Throws a BPMN error from a job. The job stays, not offered, while the error is thrown: a
 * boundary that catches it ends the task and the job with it; an uncaught error leaves the
 * job behind its incident, so retrying gives it retries and offers it again.
 */
export async function throwJobError(step: Step, jobKey: string, options: ThrowErrorOptions): Promise<void> {
  const it = await openJob(step, jobKey);
  if (it.data.listener) throw new EngineError('INVALID_STATE', `Expected to throw an error for job with key '${jobKey}', but task listener jobs cannot throw BPMN errors`);
  const rec = await step.instance(it.instanceKey);
  const ei = rec?.elements[it.elementInstanceId];
  if (!rec || !ei) throw new NotFoundError('job', jobKey);
  it.dueAt = null;
  it.data.locked = false;
  it.data.errorMessage = options.errorMessage ?? options.errorCode;
  await step.tx.putItem(it, false);
  await throwError(step, rec, ei, options.errorCode, options.errorMessage ?? options.errorCode, options.variables ?? {}, jobKey);
}

/** Sets a job's retries (also of a job in an incident). */
export async function updateJobRetries(step: Step, jobKey: string, retries: number): Promise<void> {
  const it = await step.tx.getItem(jobKey);
  if (!it || it.kind !== 'job') throw new NotFoundError('job', jobKey);
  it.data.retries = retries;
  await step.tx.putItem(it, false);
}
