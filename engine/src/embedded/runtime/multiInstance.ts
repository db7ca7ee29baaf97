import { FeelError } from '../feel/Expression';
import type { ElementDef } from '../model/ProcessModel';
import type { ElementInstance, InstanceRecord } from '../store/EngineStore';
import { record } from './history';
import { feelIncidentMessage, raiseIncident } from './incidents';
import type { Step } from './Step';
import { propagateVariable, visibleVariables } from './variables';

/** Activates a multi-instance body: reads the input collection and starts the inner instances. */
export async function activateMultiInstanceBody(step: Step, rec: InstanceRecord, el: ElementDef, scope: string): Promise<ElementInstance> {
  const body: ElementInstance = { id: String(++rec.seq), elementId: el.id, scope, body: true };
  rec.elements[body.id] = body;
  rec.vars[body.id] = {};
  record(step, rec, el.id, 'ACTIVATED', body.id);
  await startBody(step, rec, el, body);
  return body;
}

/** Reads the input collection and starts the inner instances (also the retry of a collection incident). */
export async function startBody(step: Step, rec: InstanceRecord, el: ElementDef, body: ElementInstance): Promise<void> {
  let items: unknown;
  try {
    items = el.multiInstance!.inputCollection.evaluate(visibleVariables(rec, body.id));
    if (!Array.isArray(items)) throw new FeelError(`input collection of ${el.id} is not a list: ${JSON.stringify(items)}`);
  } catch (e) {
    if (!(e instanceof FeelError)) throw e;
    await raiseIncident(step, rec, body, 'EXTRACT_VALUE_ERROR', feelIncidentMessage(e, el.id), { phase: 'stuck' });
    return;
  }
  body.mi = { items, next: 0, active: 0, done: 0, outputs: items.map(() => null) };
  const mi = el.multiInstance!;
  if (mi.outputCollection) rec.vars[body.id][mi.outputCollection] = body.mi.outputs;
  await step.ops.openBoundaries(step, rec, await step.model(rec), el, body);
  if (items.length === 0) return completeBody(step, rec, el, body);
  const first = mi.sequential ? 1 : items.length;
  for (let i = 0; i < first && rec.elements[body.id]; i++) await startInner(step, rec, el, body);
}

async function startInner(step: Step, rec: InstanceRecord, el: ElementDef, body: ElementInstance): Promise<void> {
  const mi = body.mi!;
  const index = mi.next++;
  mi.active++;
  const variables: Record<string, unknown> = { loopCounter: index + 1 };
  if (el.multiInstance!.inputElement) variables[el.multiInstance!.inputElement] = mi.items[index];
  await step.ops.activateElement(step, rec, el.id, body.id, { loopIndex: index, variables });
}

/** An inner instance completed: collect its output, start the next (sequential) or finish the body. */
export async function completeMultiInstanceInner(step: Step, rec: InstanceRecord, el: ElementDef, inner: ElementInstance): Promise<void> {
  const body = rec.elements[inner.scope];
  const mi = body?.mi;
  const outputElement = el.multiInstance!.outputElement;
  let output: unknown = null;
  if (outputElement) {
    try {
      output = outputElement.evaluate(visibleVariables(rec, inner.id));
    } catch (e) {
      if (!(e instanceof FeelError)) throw e;
    }
  }
  delete rec.elements[inner.id];
  delete rec.vars[inner.id];
  if (!body || !mi) return;
  mi.active--;
  mi.done++;
  mi.outputs[inner.loopIndex!] = output;
  const collection = el.multiInstance!.outputCollection;
  if (collection) rec.vars[body.id][collection] = mi.outputs;
  if (mi.next < mi.items.length && el.multiInstance!.sequential) return startInner(step, rec, el, body);
  if (mi.done >= mi.items.length) await completeBody(step, rec, el, body);
}

async function completeBody(step: Step, rec: InstanceRecord, el: ElementDef, body: ElementInstance): Promise<void> {
  const collection = el.multiInstance!.outputCollection;
  const outputs = body.mi?.outputs ?? [];
  body.mi = undefined;
  body.loopIndex = undefined;
  if (collection) {
    delete rec.vars[body.id][collection];
    propagateVariable(rec, body.scope, collection, outputs);
  }
  await step.ops.finishElement(step, rec, { ...body, body: true });
  delete rec.elements[body.id];
}
