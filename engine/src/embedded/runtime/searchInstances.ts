import type { InstanceFilter, InstanceSummary } from '../../port';
import type { InstanceRecord, StoreTx } from '../store/EngineStore';

/** A stored instance as a search lists it: started at its first history entry, ended at its last once it is over. */
export function toInstanceSummary(rec: InstanceRecord): InstanceSummary {
  const summary: InstanceSummary = {
    processInstanceKey: rec.key, bpmnProcessId: rec.bpmnProcessId, version: rec.version, processDefinitionKey: rec.definitionKey, state: rec.state,
    startedAt: rec.history[0]?.[2] ?? 0,
    hasIncident: Object.values(rec.elements).some((ei) => ei.incident !== undefined),
  };
  if (rec.state !== 'ACTIVE') summary.endedAt = rec.history.at(-1)?.[2] ?? summary.startedAt;
  if (rec.parent) summary.parentProcessInstanceKey = rec.parent.instanceKey;
  return summary;
}

/** Instances matching a filter, by key; process id and state narrow the store query, the rest is checked here. */
export async function searchInstances(tx: StoreTx, filter: InstanceFilter): Promise<InstanceSummary[]> {
  if (filter.processInstanceKey !== undefined) {
    const rec = await tx.getInstance(filter.processInstanceKey);
    return rec ? [toInstanceSummary(rec)].filter((s) => matches(s, filter)) : [];
  }
  const records = await tx.findInstances({ bpmnProcessId: filter.bpmnProcessId, state: filter.state });
  return records.map(toInstanceSummary).filter((s) => matches(s, filter));
}

function matches(s: InstanceSummary, f: InstanceFilter): boolean {
  return (f.bpmnProcessId === undefined || s.bpmnProcessId === f.bpmnProcessId) && (f.state === undefined || s.state === f.state) &&
    (f.processDefinitionKey === undefined || s.processDefinitionKey === f.processDefinitionKey) && (f.version === undefined || s.version === f.version) &&
    (f.parentProcessInstanceKey === undefined || s.parentProcessInstanceKey === f.parentProcessInstanceKey) && (f.hasIncident === undefined || s.hasIncident === f.hasIncident);
}
