import type { Variables } from '../../port';
import type { ElementDef } from '../model/ProcessModel';
import type { ElementInstance, InstanceRecord } from '../store/EngineStore';
import type { Step } from './Step';
import { visibleVariables } from './variables';

/**
 * Broadcasts a signal: every subscription open now (catch, boundary and event-gateway
 * events) is triggered and every signal start event starts an instance, all with the
 * signal's variables. Signals are not buffered: a subscription opened later misses it.
 */
export async function broadcastSignal(step: Step, name: string, variables: Variables): Promise<string> {
  const key = step.key();
  const subscriptions = await step.tx.findItems({ kind: 'signal', name });
  const starts = await step.tx.findItems({ kind: 'signalStart', name });
  for (const sub of subscriptions.sort((a, b) => (BigInt(a.key) < BigInt(b.key) ? -1 : 1))) {
    // an earlier trigger may have closed it (an interrupting boundary, the other branch of a gateway)
    const current = await step.tx.getItem(sub.key);
    if (current) await step.ops.triggerWait(step, current, variables);
  }
  for (const start of starts) {
    const def = await step.tx.getDefinition(String(start.data.definitionKey));
    if (def) await step.ops.startInstance(step, def, { ...variables }, { startElementId: String(start.data.elementId) });
  }
  return key;
}

/** A signal throw or end event broadcasts its signal (without variables) before it completes. */
export async function throwSignal(step: Step, rec: InstanceRecord, el: ElementDef, ei: ElementInstance): Promise<void> {
  const ev = el.event as Extract<ElementDef['event'], { kind: 'signal' }>;
  await broadcastSignal(step, String(ev.name.evaluate(visibleVariables(rec, ei.id))), {});
}
