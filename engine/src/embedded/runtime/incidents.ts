import type { Incident, IncidentType } from '../../port';
import { FeelBudgetError, type FeelError } from '../feel/Expression';
import type { ElementInstance, InstanceRecord } from '../store/EngineStore';
import type { Step } from './Step';

/**
 * Where a resolved element incident picks up again: the element's input mappings, its
 * behaviour, its completion, its job, or (`stuck`) a multi-instance body's input collection, read again;
 * a `stuck` incident stored by an earlier version on any other element activates it again.
 */
export type IncidentPhase = 'inputs' | 'activate' | 'complete' | 'job' | 'stuck';

/** Raises an incident on an element instance: it stays where it is until the incident is resolved. */
export async function raiseIncident(step: Step, rec: InstanceRecord, ei: ElementInstance, type: IncidentType, message: string, opts: { phase: IncidentPhase; jobKey?: string }): Promise<void> {
  const incident: Incident = { key: step.key(), processInstanceKey: rec.key, elementId: ei.elementId, type, message, createdAt: step.now };
  if (opts.jobKey) incident.jobKey = opts.jobKey;
  ei.incident = incident.key;
  await step.addItem({ key: incident.key, kind: 'incident', instanceKey: rec.key, elementInstanceId: ei.id, name: type, correlationKey: '', dueAt: null, data: { incident, phase: opts.phase } });
  step.emit({ type: 'incident.raised', incident });
}

/** Removes an element's open incident without resuming (the element is going away). */
export async function dropIncident(step: Step, ei: ElementInstance): Promise<void> {
  if (!ei.incident) return;
  const item = await step.tx.getItem(ei.incident);
  if (item) {
    await step.tx.deleteItem(item.key);
    step.emit({ type: 'incident.resolved', incident: item.data.incident as Incident });
  }
  ei.incident = undefined;
}

/** The incident message of a FEEL failure in an element; an expression over budget names the element. */
export function feelIncidentMessage(error: FeelError, elementId: string): string {
  return error instanceof FeelBudgetError ? error.inElement(elementId) : error.message;
}
