import { NotFoundError, type Incident, type InstanceDetails } from '../../port';
import type { Step } from './Step';

const STATES = ['ACTIVATED', 'COMPLETED', 'TERMINATED'] as const;

/** An instance with its top-level variables, its history and its open incidents. */
export async function instanceDetails(step: Step, processInstanceKey: string): Promise<InstanceDetails> {
  const rec = await step.instance(processInstanceKey);
  if (!rec) throw new NotFoundError('process instance', processInstanceKey);
  const incidents = (await step.tx.findItems({ kind: 'incident', instanceKey: rec.key })).map((i) => i.data.incident as Incident);
  const details: InstanceDetails = {
    processInstanceKey: rec.key, bpmnProcessId: rec.bpmnProcessId, version: rec.version, state: rec.state, variables: rec.vars['0'] ?? {},
    history: rec.history.map(([elementId, state, at]) => ({ elementId, state: STATES[state], at })), incidents,
  };
  if (rec.parent) details.parentProcessInstanceKey = rec.parent.instanceKey;
  return details;
}
