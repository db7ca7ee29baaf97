import { EngineError, NotFoundError, type ActivateInstruction, type InstanceModification, type Variables } from '../../port';
import type { ElementDef, ProcessModel } from '../model/ProcessModel';
import type { ElementInstance, InstanceRecord } from '../store/EngineStore';
import { activateElement } from './Executor';
import type { Step } from './Step';
import { terminateElement, terminateInstance } from './terminate';
import { setLocalVariable } from './variables';

/** An ancestor key meaning "choose for me", as the clients send it. */
const NO_ANCESTOR = new Set(['', '0', '-1']);

function refuse(rec: InstanceRecord, what: string, elementId: string, reason?: string): EngineError {
  const message = `Expected to modify instance of process '${rec.bpmnProcessId}' but it contains one or more ${what}: '${elementId}'${reason ? `. ${reason}` : ''}`;
  return new EngineError('INVALID_ARGUMENT', message, { elementId, reason: reason ?? what });
}

/** Why an element cannot be activated by a modification, or undefined when it can. */
function unsupported(model: ProcessModel, el: ElementDef): string | undefined {
  if (el.kind === 'startEvent') return "The activation of elements with type 'START_EVENT' is not supported";
  if (el.kind === 'boundaryEvent') return "The activation of elements with type 'BOUNDARY_EVENT' is not supported";
  const afterEventGateway = el.incoming.some((flowId) => [...model.elements.values()].some((g) => g.kind === 'eventBasedGateway' && g.outgoing.some((f) => f.id === flowId)));
  if (afterEventGateway) return 'The activation of events belonging to an event-based gateway is not supported';
  if (el.triggeredByEvent) return `The activation of the event subprocess '${el.id}' is not supported`;
  for (let parent = el.parentId && model.elements.get(el.parentId); parent; parent = parent.parentId && model.elements.get(parent.parentId)) {
    if (parent.triggeredByEvent) return `The activation of elements inside the event subprocess '${parent.id}' is not supported`;
    if (parent.multiInstance) return `The activation of elements inside the multi-instance subprocess '${parent.id}' is not supported`;
  }
  return undefined;
}

/** The ids of the subprocesses that contain an element, innermost first. */
function containers(model: ProcessModel, el: ElementDef): string[] {
  const out: string[] = [];
  for (let id = el.parentId; id; id = model.elements.get(id)?.parentId) out.push(id);
  return out;
}

function byKey(rec: InstanceRecord, key: string): ElementInstance | undefined {
  return Object.values(rec.elements).find((ei) => ei.key === key);
}

/** Refuses what cannot be done before anything changes: unknown or unsupported elements, bad variable scopes, unknown keys. */
function check(rec: InstanceRecord, model: ProcessModel, mod: InstanceModification): void {
  for (const a of mod.activate) {
    const el = model.elements.get(a.elementId);
    if (!el) throw refuse(rec, 'activate instructions with an element that could not be found', a.elementId);
    const why = unsupported(model, el);
    if (why) throw refuse(rec, 'activate instructions for elements that are unsupported', a.elementId, why);
    const scopes = new Set(['', el.id, ...containers(model, el)]);
    for (const v of a.variables ?? []) {
      if (!model.elements.has(v.scopeId) && v.scopeId !== '') throw refuse(rec, 'variable instructions with a scope element id that could not be found', v.scopeId);
      if (!scopes.has(v.scopeId)) throw refuse(rec, `variable instructions with a scope element that doesn't belong to the activating element's flow scope`, v.scopeId, 'These variables should be set before or after the modification');
    }
    const ancestor = a.ancestorElementInstanceKey;
    if (ancestor !== undefined && !NO_ANCESTOR.has(ancestor) && ancestor !== rec.key && !byKey(rec, ancestor)) {
      throw refuse(rec, 'activate instructions with an ancestor scope key that does not exist, or is not in an active state', ancestor);
    }
  }
  for (const key of mod.terminate) {
    if (!byKey(rec, key)) throw new EngineError('NOT_FOUND', `Expected to modify instance of process '${rec.bpmnProcessId}' but it contains one or more terminate instructions with an element instance that could not be found: '${key}'`, { key });
  }
}

/** The element instance id the element is activated in: its flow scope's live instance, created (without its start event) when missing. */
async function flowScope(step: Step, rec: InstanceRecord, model: ProcessModel, el: ElementDef, ancestor: string | undefined): Promise<string> {
  const chosen = ancestor === undefined || NO_ANCESTOR.has(ancestor) ? undefined : ancestor;
  if (!el.parentId) {
    if (chosen !== undefined && chosen !== rec.key) throw refuse(rec, 'activate instructions with an ancestor scope key that is not an ancestor of the element', chosen);
    return '0';
  }
  const parent = model.elements.get(el.parentId)!;
  const given = chosen === undefined ? undefined : byKey(rec, chosen);
  if (given?.elementId === parent.id) return given.id;
  const live = Object.values(rec.elements).filter((ei) => ei.elementId === parent.id && !ei.body);
  if (chosen === undefined && live.length > 1) {
    throw refuse(rec, 'activate instructions for an element whose flow scope has more than one active instance', el.id, 'Give the ancestorElementInstanceKey to choose one');
  }
  if (chosen === undefined && live.length === 1) return live[0].id;
  const outer = await flowScope(step, rec, model, parent, ancestor);
  const created = await activateElement(step, rec, parent.id, outer, { scopeOnly: true });
  return created!.id;
}

async function activate(step: Step, rec: InstanceRecord, model: ProcessModel, a: ActivateInstruction): Promise<void> {
  const el = model.elements.get(a.elementId)!;
  const scope = await flowScope(step, rec, model, el, a.ancestorElementInstanceKey);
  const local: Variables = {};
  for (const v of a.variables ?? []) {
    if (v.scopeId === el.id) Object.assign(local, v.variables);
    else {
      // '' is the process; a containing subprocess is the nearest live instance of it up the scope chain
      let target = scope;
      while (v.scopeId !== '' && target !== '0' && rec.elements[target]?.elementId !== v.scopeId) target = rec.elements[target]?.scope ?? '0';
      for (const [k, value] of Object.entries(v.variables)) setLocalVariable(rec, v.scopeId === '' ? '0' : target, k, value);
    }
  }
  await activateElement(step, rec, el.id, scope, Object.keys(local).length > 0 ? { variables: local } : {});
}

/** Terminates a flow scope left with nothing inside it, up to the process instance itself. */
async function terminateIfEmpty(step: Step, rec: InstanceRecord, scope: string): Promise<void> {
  if (rec.state !== 'ACTIVE' || Object.values(rec.elements).some((e) => e.scope === scope && e.id !== '0')) return;
  if (scope === '0') return terminateInstance(step, rec);
  const container = rec.elements[scope];
  if (!container) return;
  await terminateElement(step, rec, container);
  await terminateIfEmpty(step, rec, container.scope);
}

/** Applies an instance modification: every instruction is checked, then activations run, then terminations. */
export async function modifyInstance(step: Step, processInstanceKey: string, mod: InstanceModification): Promise<void> {
  const rec = await step.instance(processInstanceKey);
  if (!rec || rec.state !== 'ACTIVE') throw new NotFoundError('process instance', processInstanceKey);
  const model = await step.model(rec);
  check(rec, model, mod);
  for (const a of mod.activate) {
    if (rec.state !== 'ACTIVE') break;
    await activate(step, rec, model, a);
  }
  for (const key of mod.terminate) {
    const ei = byKey(rec, key);
    // already gone: inside an element terminated before it, or the instance ended
    if (!ei || rec.state !== 'ACTIVE') continue;
    await terminateElement(step, rec, ei);
    await terminateIfEmpty(step, rec, ei.scope);
  }
}
