import type { Incident } from '../../port';
import { NotFoundError } from '../../port';
import { enterElement, finishElement, runBehavior } from './Executor';
import type { IncidentPhase } from './incidents';
import type { Step } from './Step';
import { startBody } from './multiInstance';
import { createJob } from './waits';

/** Resolves an incident and resumes where it stopped: a job is offered again, an element (or a multi-instance collection) retried. */
export async function resolveIncident(step: Step, incidentKey: string): Promise<void> {
  const it = await step.tx.getItem(incidentKey);
  if (!it || it.kind !== 'incident') throw new NotFoundError('incident', incidentKey);
  const incident = it.data.incident as Incident;
  const phase = it.data.phase as IncidentPhase;
  await step.tx.deleteItem(incidentKey);
  step.emit({ type: 'incident.resolved', incident });
  const rec = await step.instance(it.instanceKey);
  const ei = rec?.elements[it.elementInstanceId];
  if (!rec || !ei) return;
  ei.incident = undefined;
  if (phase === 'job' && incident.jobKey) {
    const job = await step.tx.getItem(incident.jobKey);
    if (job) {
      job.dueAt = step.now;
      job.data.retries = Math.max(1, Number(job.data.retries));
      await step.tx.putItem(job, false);
      step.jobTypes.add(job.name);
    } else {
      const model = await step.model(rec);
      await createJob(step, rec, model.elements.get(ei.elementId)!, ei);
    }
    return;
  }
  if (phase === 'inputs') return enterElement(step, rec, ei);
  if (phase === 'activate') return runBehavior(step, rec, ei);
  if (phase === 'complete') return finishElement(step, rec, ei);
  if (ei.body && !ei.mi) return startBody(step, rec, (await step.model(rec)).elements.get(ei.elementId)!, ei);
  // every incident resumes something: an incident resolved into nothing would leave its token stuck unseen
  return runBehavior(step, rec, ei);
}
