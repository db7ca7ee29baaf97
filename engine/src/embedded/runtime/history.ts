import { storedHistoryKey, type InstanceRecord } from '../store/EngineStore';
import type { Step } from './Step';

/** Appends a history entry and emits the element event; `elementInstanceId` is the element instance ('0': the process). */
export function record(step: Step, rec: InstanceRecord, elementId: string, state: 'ACTIVATED' | 'COMPLETED' | 'TERMINATED', elementInstanceId: string): void {
  const ei = elementInstanceId === '0' ? undefined : rec.elements[elementInstanceId];
  if (ei && state === 'ACTIVATED') ei.key ??= step.key();
  const code = state === 'ACTIVATED' ? 0 : state === 'COMPLETED' ? 1 : 2;
  if (!ei?.key) rec.history.push([elementId, code, step.now]);
  else if (ei.body && code === 0) rec.history.push([elementId, code, step.now, storedHistoryKey(rec, ei.key), 1]);
  else rec.history.push([elementId, code, step.now, storedHistoryKey(rec, ei.key)]);
  if (state === 'TERMINATED') return;
  const type = state === 'ACTIVATED' ? 'element.activated' : 'element.completed';
  if (step.wants(type)) step.emit({ type, processInstanceKey: rec.key, bpmnProcessId: rec.bpmnProcessId, elementId, elementInstanceKey: `${rec.key}.${elementInstanceId}`, at: step.now });
}
