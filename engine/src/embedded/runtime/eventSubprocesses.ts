import type { Variables } from '../../port';
import { addDuration } from '../feel/timers';
import type { ElementDef, ProcessModel } from '../model/ProcessModel';
import type { ElementInstance, InstanceRecord, WaitItem } from '../store/EngineStore';
import { record } from './history';
import type { Step } from './Step';

/** The element instance that holds a scope's subscriptions: the subprocess instance, or the process's own ('0'). */
export function scopeHolder(rec: InstanceRecord, scopeId: string): ElementInstance | undefined {
  if (scopeId === '0') return (rec.elements['0'] ??= { id: '0', elementId: rec.bpmnProcessId, scope: '' });
  return rec.elements[scopeId];
}

function eventSubprocessesOf(model: ProcessModel, rec: InstanceRecord, scopeId: string): ElementDef[] {
  const ids = scopeId === '0' ? model.eventSubprocesses : model.elements.get(rec.elements[scopeId]?.elementId ?? '')?.eventSubprocesses;
  return (ids ?? []).map((id) => model.elements.get(id)!);
}

/** Opens the timer, message and signal subscriptions of a scope's event subprocesses (error starts wait for a thrown error). */
export async function openEventSubprocesses(step: Step, rec: InstanceRecord, scopeId: string): Promise<void> {
  const model = await step.model(rec);
  const subs = eventSubprocessesOf(model, rec, scopeId);
  if (subs.length === 0) return;
  const holder = scopeHolder(rec, scopeId)!;
  for (const sub of subs) await step.ops.openEventSubprocessStart(step, rec, model.elements.get(sub.startId!)!, holder);
}

/** The error start event of an event subprocess in a scope that catches an error code: an exact code first, else a catch-all. */
export async function errorEventStart(step: Step, rec: InstanceRecord, scopeId: string, code: string): Promise<ElementDef | undefined> {
  const model = await step.model(rec);
  const starts = eventSubprocessesOf(model, rec, scopeId).map((s) => model.elements.get(s.startId!)!).filter((s) => s.event?.kind === 'error');
  return starts.find((s) => s.event?.kind === 'error' && s.event.errorCode === code) ?? starts.find((s) => s.event?.kind === 'error' && !s.event.errorCode);
}

/** An interrupting event subprocess ends everything else in its scope, and the scope's other event subprocess subscriptions. */
async function interruptScope(step: Step, rec: InstanceRecord, holder: ElementInstance): Promise<void> {
  const kept: string[] = [];
  for (const key of holder.waits ?? []) {
    const it = await step.tx.getItem(key);
    if (it?.data.purpose === 'eventSub') await step.tx.deleteItem(key);
    else kept.push(key);
  }
  holder.waits = kept.length > 0 ? kept : undefined;
  for (const child of Object.values(rec.elements)) if (child.scope === holder.id && child.id !== '0' && rec.elements[child.id]) await step.ops.terminateElement(step, rec, child);
  holder.joins = undefined;
}

/** Starts an event subprocess in a scope: interrupting or not, at its start event, with the trigger's variables. */
export async function startEventSubprocess(step: Step, rec: InstanceRecord, start: ElementDef, scopeId: string, variables: Variables): Promise<void> {
  const holder = scopeHolder(rec, scopeId);
  if (!holder) return;
  if (start.cancelActivity !== false) await interruptScope(step, rec, holder);
  const sub = await step.ops.activateElement(step, rec, start.parentId!, scopeId, { scopeOnly: true });
  step.countActivation();
  const ei: ElementInstance = { id: String(++rec.seq), elementId: start.id, scope: sub!.id };
  rec.elements[ei.id] = ei;
  record(step, rec, start.id, 'ACTIVATED', ei.id);
  await step.ops.completeElement(step, rec, ei, Object.keys(variables).length > 0 ? variables : undefined);
}

/** A subscription of an event subprocess fired: a non-interrupting timer cycle is rescheduled, a non-interrupting message or signal stays open. */
export async function fireEventSubprocess(step: Step, rec: InstanceRecord, holder: ElementInstance, wait: WaitItem, variables: Variables): Promise<boolean> {
  const data = wait.data as { elementId: string; repetitions?: number; interval?: string };
  const model = await step.model(rec);
  const start = model.elements.get(data.elementId)!;
  if (start.cancelActivity === false && wait.kind === 'timer') {
    if (data.repetitions !== undefined && data.repetitions !== 0 && data.interval) {
      wait.dueAt = addDuration(wait.dueAt ?? step.now, data.interval) ?? null;
      data.repetitions = data.repetitions > 0 ? data.repetitions - 1 : -1;
      await step.tx.putItem(wait, false);
    } else {
      await step.tx.deleteItem(wait.key);
      holder.waits = holder.waits?.filter((k) => k !== wait.key);
    }
  }
  await startEventSubprocess(step, rec, start, holder.id, variables);
  return true;
}
