import type { Message, Variables } from '../../port';
import { EngineError } from '../../port';
import type { WaitItem } from '../store/EngineStore';
import type { Step } from './Step';

interface BufferData {
  variables: Variables;
  messageId?: string;
  /** BPMN process ids the message was correlated to. */
  correlated: string[];
}

/** What a publication did: the message's key, and the first instance it reached (a waiting one, else one it started). */
export interface Publication {
  key: string;
  processInstanceKey?: string;
}

/** Publishes a message: correlates open subscriptions and message starts, buffers it for its time to live. */
export async function publishMessage(step: Step, message: Message, mode: 'publish' | 'correlate' = 'publish'): Promise<Publication> {
  const ttl = message.timeToLive ?? 0;
  const variables = message.variables ?? {};
  if (message.messageId) {
    const buffered = await step.tx.findItems({ kind: 'buffer', name: message.name });
    if (buffered.some((b) => (b.data as unknown as BufferData).messageId === message.messageId && (b.dueAt ?? 0) > step.now)) {
      throw new EngineError('ALREADY_EXISTS', `message ${message.name} with id ${message.messageId} was already published`);
    }
  }
  const key = step.key();
  // as in Zeebe, a message is correlated at most once per process (BPMN process id)
  const correlated: string[] = [];
  let first: string | undefined;
  const subs = await step.tx.findItems({ kind: 'message', name: message.name, correlationKey: message.correlationKey });
  for (const sub of subs) {
    const processId = String(sub.data.bpmnProcessId);
    if (correlated.includes(processId)) continue;
    if (await step.ops.triggerWait(step, sub, variables)) {
      correlated.push(processId);
      first ??= sub.instanceKey;
    }
  }
  for (const start of await step.tx.findItems({ kind: 'messageStart', name: message.name })) {
    const def = await step.tx.getDefinition(String(start.data.definitionKey));
    if (!def || correlated.includes(def.bpmnProcessId)) continue;
    const started = await step.ops.startInstance(step, def, variables, { startElementId: String(start.data.elementId) });
    correlated.push(def.bpmnProcessId);
    first ??= started.key;
  }
  if (ttl > 0) {
    const data: BufferData = { variables, correlated };
    if (message.messageId) data.messageId = message.messageId;
    await step.addItem({ key, kind: 'buffer', instanceKey: '', elementInstanceId: '', name: message.name, correlationKey: message.correlationKey, dueAt: step.now + ttl, data: data as unknown as Record<string, unknown> });
  }
  step.emit({
    type: 'message.published', messageKey: key, name: message.name, correlationKey: message.correlationKey, mode,
    ...(message.messageId ? { messageId: message.messageId } : {}), ...(first === undefined ? {} : { processInstanceKey: first }),
  });
  return first === undefined ? { key } : { key, processInstanceKey: first };
}

/** Correlates a still-buffered message to a newly opened subscription; true when one was taken. */
export async function correlateBuffered(step: Step, sub: WaitItem): Promise<boolean> {
  const buffered = await step.tx.findItems({ kind: 'buffer', name: sub.name, correlationKey: sub.correlationKey });
  for (const b of buffered.sort((x, y) => x.key.localeCompare(y.key))) {
    const data = b.data as unknown as BufferData;
    const processId = String(sub.data.bpmnProcessId);
    if ((b.dueAt ?? 0) <= step.now || data.correlated.includes(processId)) continue;
    data.correlated.push(processId);
    await step.tx.putItem(b, false);
    return step.ops.triggerWait(step, sub, data.variables);
  }
  return false;
}
