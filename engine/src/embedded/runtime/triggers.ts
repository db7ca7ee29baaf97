import type { Variables } from '../../port';
import { addDuration } from '../feel/timers';
import type { ElementInstance, InstanceRecord, WaitItem } from '../store/EngineStore';
import { record } from './history';
import type { Step } from './Step';

/** Fires a timer or a message subscription; false when its element is gone (nothing happened). */
export async function triggerWait(step: Step, wait: WaitItem, variables: Variables = {}): Promise<boolean> {
  const data = wait.data as { elementId: string; purpose: string; repetitions?: number; interval?: string; definitionKey?: string };
  if (data.purpose === 'start') return fireStartTimer(step, wait, data);
  const rec = await step.instance(wait.instanceKey);
  const ei = rec?.elements[wait.elementInstanceId];
  if (!rec || !ei || rec.state !== 'ACTIVE') {
    await step.tx.deleteItem(wait.key);
    return false;
  }
  switch (data.purpose) {
    case 'catch':
      await step.tx.deleteItem(wait.key);
      ei.waits = ei.waits?.filter((k) => k !== wait.key);
      await step.ops.completeElement(step, rec, ei, variables);
      return true;
    case 'eventSub':
      return step.ops.fireEventSubprocess(step, rec, ei, wait, variables);
    case 'gateway':
      await step.ops.closeWaits(step, rec, ei);
      await step.ops.completeElement(step, rec, ei, undefined, false);
      await activateTriggered(step, rec, data.elementId, ei.scope, variables);
      return true;
    default:
      return fireBoundary(step, rec, ei, wait, data, variables);
  }
}

async function fireBoundary(step: Step, rec: InstanceRecord, host: ElementInstance, wait: WaitItem, data: { elementId: string; repetitions?: number; interval?: string }, variables: Variables): Promise<boolean> {
  const model = await step.model(rec);
  const boundary = model.elements.get(data.elementId)!;
  const scope = host.scope;
  if (boundary.cancelActivity) {
    await step.ops.terminateElement(step, rec, host);
  } else if (wait.kind === 'timer' && data.repetitions !== undefined && data.repetitions !== 0 && data.interval) {
    wait.dueAt = addDuration(wait.dueAt ?? step.now, data.interval) ?? null;
    data.repetitions = data.repetitions > 0 ? data.repetitions - 1 : -1;
    await step.tx.putItem(wait, false);
  } else {
    await step.tx.deleteItem(wait.key);
    host.waits = host.waits?.filter((k) => k !== wait.key);
  }
  await activateTriggered(step, rec, data.elementId, scope, variables);
  return true;
}

/** Activates a catch or boundary event that was triggered: it completes at once with the message variables. */
async function activateTriggered(step: Step, rec: InstanceRecord, elementId: string, scope: string, variables: Variables): Promise<void> {
  step.countActivation();
  const ei: ElementInstance = { id: String(++rec.seq), elementId, scope };
  rec.elements[ei.id] = ei;
  record(step, rec, elementId, 'ACTIVATED', ei.id);
  await step.ops.completeElement(step, rec, ei, Object.keys(variables).length > 0 ? variables : undefined);
}

async function fireStartTimer(step: Step, wait: WaitItem, data: { elementId: string; repetitions?: number; interval?: string; definitionKey?: string }): Promise<boolean> {
  const def = await step.tx.getDefinition(String(data.definitionKey));
  if (data.repetitions !== undefined && data.repetitions !== 0 && data.interval) {
    wait.dueAt = addDuration(wait.dueAt ?? step.now, data.interval) ?? null;
    data.repetitions = data.repetitions > 0 ? data.repetitions - 1 : -1;
    await step.tx.putItem(wait, false);
  } else {
    await step.tx.deleteItem(wait.key);
  }
  if (def) await step.ops.startInstance(step, def, {}, { startElementId: data.elementId });
  return true;
}

