import { EngineError, type Variables } from '../../port';
import type { DefinitionRecord, InstanceRecord } from '../store/EngineStore';
import { activateElement, record } from './Executor';
import type { Step } from './Step';

/** Creates an instance of a definition and runs it from a start event until it waits. */
export async function startInstance(step: Step, def: DefinitionRecord, variables: Variables, opts: { parent?: InstanceRecord['parent']; startElementId?: string } = {}): Promise<InstanceRecord> {
  const rec: InstanceRecord = {
    key: step.key(), definitionKey: def.key, bpmnProcessId: def.bpmnProcessId, version: def.version, state: 'ACTIVE',
    vars: { '0': { ...variables } }, elements: {}, history: [], seq: 0,
  };
  if (opts.parent) rec.parent = opts.parent;
  step.adopt(rec);
  const model = await step.model(rec);
  const startId = opts.startElementId ?? model.noneStartId;
  if (!startId) throw new EngineError('INVALID_ARGUMENT', `process ${def.bpmnProcessId} has no none start event`);
  step.emit({ type: 'instance.created', processInstanceKey: rec.key, bpmnProcessId: rec.bpmnProcessId, version: rec.version, variables: { ...variables } });
  record(step, rec, rec.bpmnProcessId, 'ACTIVATED', '0');
  await activateElement(step, rec, startId, '0');
  return rec;
}
