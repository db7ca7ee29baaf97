import type { Incident, Variables } from '../../port';
import { EngineError, NotFoundError } from '../../port';
import type { Step } from './Step';
import { propagateVariable, setLocalVariable } from './variables';

/** Sets variables on an active instance ('0') or on the element instance of an open job or user task. */
export async function setVariables(step: Step, scopeKey: string, variables: Variables, local: boolean): Promise<void> {
  let rec = await step.instance(scopeKey);
  let scope = '0';
  if (!rec) {
    const it = await step.tx.getItem(scopeKey);
    if (it && (it.kind === 'job' || it.kind === 'task')) {
      rec = await step.instance(it.instanceKey);
      scope = it.elementInstanceId;
    }
  }
  if (!rec || rec.state !== 'ACTIVE' || (scope !== '0' && !rec.elements[scope])) throw new NotFoundError('element instance', scopeKey);
  for (const [name, value] of Object.entries(variables)) {
    if (local) setLocalVariable(rec, scope, name, value);
    else propagateVariable(rec, scope, name, value);
  }
}

/** Moves an activated job's lock end to `timeout` ms from now. */
export async function updateJobTimeout(step: Step, jobKey: string, timeout: number): Promise<void> {
  const it = await step.tx.getItem(jobKey);
  if (!it || it.kind !== 'job') throw new NotFoundError('job', jobKey);
  if (it.dueAt === null || !it.data.locked || it.dueAt <= step.now) throw new EngineError('INVALID_STATE', `job ${jobKey} is not activated`);
  it.dueAt = step.now + Math.max(0, timeout);
  await step.tx.putItem(it, false);
  if (timeout <= 0) step.jobTypes.add(it.name);
}

/** Refuses to resolve a job incident while its job has no retries left. */
export async function requireJobRetries(step: Step, incidentKey: string): Promise<void> {
  const it = await step.tx.getItem(incidentKey);
  const jobKey = it?.kind === 'incident' ? (it.data.incident as Incident).jobKey : undefined;
  const job = jobKey ? await step.tx.getItem(jobKey) : undefined;
  if (job && Number(job.data.retries) <= 0) throw new EngineError('INVALID_STATE', `job ${jobKey} of incident ${incidentKey} has no retries left`, { jobKey });
}
