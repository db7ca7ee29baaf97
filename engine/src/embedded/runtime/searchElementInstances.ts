import { createHash } from 'node:crypto';
import type { ElementInstanceFilter, ElementInstanceSummary, VariableFilter, VariableSummary } from '../../port';
import type { ProcessModel } from '../model/ProcessModel';
import { historyKey, type InstanceRecord } from '../store/EngineStore';
import type { Step } from './Step';

/** The instances a search by process instance key reads: that one, or all of them. */
async function instancesFor(step: Step, processInstanceKey: string | undefined): Promise<InstanceRecord[]> {
  if (processInstanceKey === undefined) return step.tx.findInstances({});
  // read past the step's cache: a search writes nothing back
  const rec = await step.tx.getInstance(processInstanceKey);
  return rec ? [rec] : [];
}

/**
 * An instance's element instances, read from its history: an activation opens one, a
 * completion or termination with the same key ends it. A multi-instance body is not
 * recorded when terminated, so one left open after its instance ended counts as terminated then.
 */
export function elementInstancesOf(rec: InstanceRecord, model: ProcessModel): ElementInstanceSummary[] {
  const found = new Map<string, ElementInstanceSummary>();
  for (const [elementId, state, at, stored, body] of rec.history) {
    const key = historyKey(rec, stored);
    if (key === undefined) continue;
    if (state === 0) {
      const el = model.elements.get(elementId);
      const summary: ElementInstanceSummary = {
        elementInstanceKey: key, processInstanceKey: rec.key, processDefinitionKey: rec.definitionKey, bpmnProcessId: rec.bpmnProcessId,
        elementId, elementType: body ? 'MultiInstanceBody' : el?.triggeredByEvent ? 'EventSubProcess' : el?.bpmnType ?? 'Unknown', state: 'ACTIVE', startedAt: at,
      };
      if (el?.name) summary.elementName = el.name;
      found.set(key, summary);
      continue;
    }
    const summary = found.get(key);
    if (!summary) continue;
    summary.state = state === 1 ? 'COMPLETED' : 'TERMINATED';
    summary.endedAt = at;
  }
  const live = new Map(Object.values(rec.elements).filter((ei) => ei.key).map((ei) => [ei.key!, ei]));
  const ended = rec.history.at(-1)?.[2] ?? 0;
  for (const summary of found.values()) {
    const ei = live.get(summary.elementInstanceKey);
    if (ei?.incident) summary.incidentKey = ei.incident;
    if (!ei && summary.state === 'ACTIVE') Object.assign(summary, { state: 'TERMINATED', endedAt: ended });
  }
  return [...found.values()];
}

/** Element instances of the matching process instances. */
export async function searchElementInstances(step: Step, filter: ElementInstanceFilter): Promise<ElementInstanceSummary[]> {
  const out: ElementInstanceSummary[] = [];
  for (const rec of await instancesFor(step, filter.processInstanceKey)) {
    const summaries = elementInstancesOf(rec, await step.model(rec));
    out.push(...summaries.filter((s) => filter.elementInstanceKey === undefined || s.elementInstanceKey === filter.elementInstanceKey));
  }
  return out;
}

/** A variable's key: stable for a name in a scope, a positive int64 (variables carry no key of their own). */
export function variableKey(scopeKey: string, name: string): string {
  const hash = createHash('sha256').update(`${scopeKey}\u0000${name}`).digest();
  const key = hash.readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn;
  return (key === 0n ? 1n : key).toString();
}

/** The variables of the matching process instances, scope by scope. */
export async function searchVariables(step: Step, filter: VariableFilter): Promise<VariableSummary[]> {
  const out: VariableSummary[] = [];
  for (const rec of await instancesFor(step, filter.processInstanceKey)) {
    for (const [scopeId, vars] of Object.entries(rec.vars)) {
      const scopeKey = scopeId === '0' ? rec.key : rec.elements[scopeId]?.key;
      if (!scopeKey || (filter.scopeKey !== undefined && scopeKey !== filter.scopeKey)) continue;
      for (const [name, value] of Object.entries(vars)) {
        const key = variableKey(scopeKey, name);
        if (filter.variableKey === undefined || key === filter.variableKey) out.push({ variableKey: key, name, value, scopeKey, processInstanceKey: rec.key });
      }
    }
  }
  return out;
}
