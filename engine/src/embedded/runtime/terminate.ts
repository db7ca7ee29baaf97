import type { Variables } from '../../port';
import type { ElementInstance, InstanceRecord } from '../store/EngineStore';
import { record } from './history';
import { dropIncident, raiseIncident } from './incidents';
import type { Step } from './Step';
import { propagateVariable } from './variables';

/** Terminates an element instance and everything inside it (children, waits, called instances). */
export async function terminateElement(step: Step, rec: InstanceRecord, ei: ElementInstance): Promise<void> {
  for (const child of Object.values(rec.elements)) if (child.scope === ei.id && child.id !== '0') await terminateElement(step, rec, child);
  await step.ops.closeWaits(step, rec, ei, true);
  await dropIncident(step, ei);
  if (ei.child) {
    const child = await step.instance(ei.child);
    if (child && child.state === 'ACTIVE') await terminateInstance(step, child);
  }
  if (!ei.body) record(step, rec, ei.elementId, 'TERMINATED', ei.id);
  delete rec.elements[ei.id];
  delete rec.vars[ei.id];
}

/** Terminates a whole instance (cancel). */
export async function terminateInstance(step: Step, rec: InstanceRecord): Promise<void> {
  for (const ei of Object.values(rec.elements)) if (ei.scope === '0' && rec.elements[ei.id]) await terminateElement(step, rec, ei);
  if (rec.elements['0']) await step.ops.closeWaits(step, rec, rec.elements['0'], true);
  delete rec.elements['0'];
  rec.state = 'TERMINATED';
  record(step, rec, rec.bpmnProcessId, 'TERMINATED', '0');
  step.emit({ type: 'instance.terminated', processInstanceKey: rec.key, bpmnProcessId: rec.bpmnProcessId });
}

/** A terminate end event: ends every token in the scope, then completes the scope. */
export async function terminateScope(step: Step, rec: InstanceRecord, scope: string): Promise<void> {
  for (const ei of Object.values(rec.elements)) if (ei.scope === scope && ei.id !== '0' && rec.elements[ei.id]) await terminateElement(step, rec, ei);
  if (rec.elements[scope]) rec.elements[scope].joins = undefined;
  if (scope === '0' && rec.elements['0']) {
    await step.ops.closeWaits(step, rec, rec.elements['0'], true);
    delete rec.elements['0'];
  }
  await step.ops.scopeMaybeDone(step, rec, scope);
}

/** Throws a BPMN error from an element instance: the nearest matching error boundary catches it, else an incident. */
export async function throwError(step: Step, rec: InstanceRecord, origin: ElementInstance, code: string, message: string, variables: Variables, jobKey?: string): Promise<void> {
  let inst = rec;
  let cur: ElementInstance | undefined = origin;
  for (let depth = 0; depth < 1000 && cur; depth++) {
    const model = await step.model(inst);
    const el = model.elements.get(cur.elementId);
    if (el && cur.loopIndex === undefined) {
      const catcher = el.boundaries.map((b) => model.elements.get(b)!).find((b) => b.event?.kind === 'error' && (!b.event.errorCode || b.event.errorCode === code));
      if (catcher) {
        const scope = cur.scope;
        await terminateElement(step, inst, cur);
        for (const [k, v] of Object.entries(variables)) propagateVariable(inst, scope, k, v);
        await step.ops.activateElement(step, inst, catcher.id, scope);
        return;
      }
    }
    // an error event subprocess of the scope around it catches it next
    const errorStart = await step.ops.errorEventStart(step, inst, cur.scope, code);
    if (errorStart) {
      await step.ops.startEventSubprocess(step, inst, errorStart, cur.scope, variables);
      return;
    }
    if (cur.scope !== '0') {
      cur = inst.elements[cur.scope];
      continue;
    }
    if (!inst.parent) break;
    const parent = await step.instance(inst.parent.instanceKey);
    cur = parent?.elements[inst.parent.elementInstanceId];
    if (!parent) break;
    inst = parent;
  }
  await raiseIncident(step, rec, origin, 'UNHANDLED_ERROR_EVENT', `unhandled BPMN error '${code}': ${message}`, jobKey ? { phase: 'job', jobKey } : { phase: 'activate' });
}
