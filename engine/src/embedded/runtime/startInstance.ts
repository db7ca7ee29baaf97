import { EngineError, type Variables } from '../../port';
import type { ProcessModel } from '../model/ProcessModel';
import type { DefinitionRecord, InstanceRecord } from '../store/EngineStore';
import { record } from './history';
import type { Step } from './Step';

/** Where an instance starts: a start event, or (start instructions) elements of the process itself. */
export interface StartOptions {
  parent?: InstanceRecord['parent'];
  startElementId?: string;
  /** Start instructions: these elements are activated instead of the none start event. */
  startElementIds?: string[];
}

/** Refuses start instructions for elements that are missing, inside a subprocess, or boundary events. */
function checkStartInstructions(model: ProcessModel, ids: string[]): void {
  for (const elementId of ids) {
    const el = model.elements.get(elementId);
    const why = !el ? 'no such element exists' : el.parentId ? 'it is inside a subprocess' : el.attachedTo ? 'it is a boundary event' : undefined;
    if (why) throw new EngineError('INVALID_ARGUMENT', `cannot start process ${model.bpmnProcessId} at element '${elementId}': ${why}`, { elementId, reason: why });
  }
}

/** Creates an instance of a definition and runs it from a start event (or its start instructions) until it waits. */
export async function startInstance(step: Step, def: DefinitionRecord, variables: Variables, opts: StartOptions = {}): Promise<InstanceRecord> {
  const rec: InstanceRecord = {
    key: step.key(), definitionKey: def.key, bpmnProcessId: def.bpmnProcessId, version: def.version, state: 'ACTIVE',
    vars: { '0': { ...variables } }, elements: {}, history: [], seq: 0,
  };
  if (opts.parent) rec.parent = opts.parent;
  step.adopt(rec);
  const model = await step.model(rec);
  const instructed = opts.startElementIds ?? [];
  checkStartInstructions(model, instructed);
  const startIds = instructed.length > 0 ? instructed : [opts.startElementId ?? model.noneStartId];
  if (!startIds[0]) throw new EngineError('INVALID_ARGUMENT', `process ${def.bpmnProcessId} has no none start event`);
  step.emit({ type: 'instance.created', processInstanceKey: rec.key, bpmnProcessId: rec.bpmnProcessId, version: rec.version, variables: { ...variables } });
  record(step, rec, rec.bpmnProcessId, 'ACTIVATED', '0');
  await step.ops.openEventSubprocesses(step, rec, '0');
  for (const startId of startIds) {
    if (rec.state !== 'ACTIVE') break;
    await step.ops.activateElement(step, rec, startId!, '0');
  }
  return rec;
}
