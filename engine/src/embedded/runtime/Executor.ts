import type { Variables } from '../../port';
import { FeelError } from '../feel/Expression';
import type { ElementDef, FlowDef, Mapping, ProcessModel } from '../model/ProcessModel';
import type { ElementInstance, InstanceRecord } from '../store/EngineStore';
import type { Flow } from './behaviors/ElementBehavior';
import { elementBehaviors } from './behaviors/elementBehaviors';
import { record } from './history';
import { feelIncidentMessage, raiseIncident } from './incidents';
import type { Step } from './Step';
import { assignTarget, propagateVariable, setLocalVariable, visibleVariables } from './variables';

/** Activates an element in a flow scope, returning the new element instance (undefined if it waits at a join). */
export async function activateElement(step: Step, rec: InstanceRecord, elementId: string, scope: string, opts: { flowId?: string; loopIndex?: number; variables?: Variables; scopeOnly?: boolean } = {}): Promise<ElementInstance | undefined> {
  step.countActivation();
  const model = await step.model(rec);
  const el = model.elements.get(elementId)!;
  if (opts.flowId && el.incoming.length > 1 && (el.kind === 'parallelGateway' || el.kind === 'inclusiveGateway')) {
    if (!(await arriveAtJoin(step, rec, model, el, scope, opts.flowId))) return undefined;
  }
  if (el.multiInstance && opts.loopIndex === undefined) return step.ops.activateMultiInstanceBody(step, rec, el, scope);
  const ei: ElementInstance = { id: String(++rec.seq), elementId, scope };
  if (opts.loopIndex !== undefined) ei.loopIndex = opts.loopIndex;
  rec.elements[ei.id] = ei;
  record(step, rec, elementId, 'ACTIVATED', ei.id);
  if (opts.variables) for (const [k, v] of Object.entries(opts.variables)) setLocalVariable(rec, ei.id, k, v);
  await enterElement(step, rec, ei, !opts.scopeOnly);
  return ei;
}

/**
 * Applies input mappings, opens boundary events and runs the behaviour (also the retry of an input mapping incident).
 * Without `run` a subprocess is entered as a scope only, without starting at its start event (instance modification).
 */
export async function enterElement(step: Step, rec: InstanceRecord, ei: ElementInstance, run = true): Promise<void> {
  const model = await step.model(rec);
  const el = model.elements.get(ei.elementId)!;
  if (el.inputs.length > 0) {
    try {
      applyInputs(rec, ei, el.inputs);
    } catch (e) {
      if (e instanceof FeelError) return raiseIncident(step, rec, ei, 'IO_MAPPING_ERROR', feelIncidentMessage(e, el.id), { phase: 'inputs' });
      throw e;
    }
  }
  if (el.boundaries.length > 0 && ei.loopIndex === undefined) await step.ops.openBoundaries(step, rec, model, el, ei);
  if (!run) {
    rec.vars[ei.id] ??= {};
    return;
  }
  await runBehavior(step, rec, ei);
}

/** Runs what an element does once active, by its kind's behaviour (also the retry of an activation incident). */
export async function runBehavior(step: Step, rec: InstanceRecord, ei: ElementInstance): Promise<void> {
  const model = await step.model(rec);
  const el = model.elements.get(ei.elementId)!;
  const flow: Flow = {
    complete: (variables, continueFlow) => completeElement(step, rec, ei, variables, continueFlow),
    leave: () => finishElement(step, rec, ei),
    activate: (elementId, scope) => activateElement(step, rec, elementId, scope),
    take: (flows, scope) => takeFlows(step, rec, flows, scope),
  };
  try {
    await elementBehaviors[el.kind]({ step, rec, model, el, ei, flow });
  } catch (e) {
    if (!(e instanceof FeelError)) throw e;
    await raiseIncident(step, rec, ei, el.kind.endsWith('Gateway') ? 'CONDITION_ERROR' : 'EXTRACT_VALUE_ERROR', feelIncidentMessage(e, el.id), { phase: 'activate' });
  }
}

/** Completes an element instance with result variables, then continues the flow. */
export async function completeElement(step: Step, rec: InstanceRecord, ei: ElementInstance, variables?: Variables, continueFlow = true): Promise<void> {
  const model = await step.model(rec);
  const el = model.elements.get(ei.elementId)!;
  if (variables) {
    for (const [k, v] of Object.entries(variables)) {
      if (el.outputs.length > 0) setLocalVariable(rec, ei.id, k, v);
      else propagateVariable(rec, ei.id, k, v);
    }
  }
  await finishElement(step, rec, ei, continueFlow);
}

/** Applies output mappings and leaves the element (the retry point of an output incident). */
export async function finishElement(step: Step, rec: InstanceRecord, ei: ElementInstance, continueFlow = true): Promise<void> {
  const model = await step.model(rec);
  const el = model.elements.get(ei.elementId)!;
  if (el.outputs.length > 0 && !ei.body) {
    try {
      applyOutputs(rec, ei, el.outputs);
    } catch (e) {
      if (e instanceof FeelError) return raiseIncident(step, rec, ei, 'IO_MAPPING_ERROR', feelIncidentMessage(e, el.id), { phase: 'complete' });
      throw e;
    }
  }
  await step.ops.closeWaits(step, rec, ei);
  record(step, rec, ei.elementId, 'COMPLETED', ei.id);
  if (ei.loopIndex !== undefined) return step.ops.completeMultiInstanceInner(step, rec, el, ei);
  delete rec.elements[ei.id];
  delete rec.vars[ei.id];
  if (!continueFlow) return;
  if (el.kind === 'exclusiveGateway' || el.kind === 'inclusiveGateway') return;
  const flows = el.outgoing.filter((f) => !f.condition || f.condition.evaluate(visibleVariables(rec, ei.scope)) === true);
  await takeFlows(step, rec, flows, ei.scope);
}

/** Follows sequence flows within a scope; with none, the scope may be done. */
export async function takeFlows(step: Step, rec: InstanceRecord, flows: FlowDef[], scope: string): Promise<void> {
  for (const flow of flows) await activateElement(step, rec, flow.targetId, scope, { flowId: flow.id });
  if (flows.length === 0) await scopeMaybeDone(step, rec, scope);
}

/** Completes a scope (subprocess or process) once nothing is left in it; re-checks inclusive joins first. */
export async function scopeMaybeDone(step: Step, rec: InstanceRecord, scope: string): Promise<void> {
  if (rec.state !== 'ACTIVE') return;
  const container = rec.elements[scope];
  if (scope !== '0' && !container) return;
  if (container?.joins) {
    const model = await step.model(rec);
    for (const gatewayId of Object.keys(container.joins)) {
      const el = model.elements.get(gatewayId)!;
      if (el.kind === 'inclusiveGateway' && container.joins[gatewayId].length > 0 && !(await otherTokensReach(rec, model, el, scope))) {
        container.joins[gatewayId] = [];
        return void (await activateElement(step, rec, gatewayId, scope));
      }
    }
  }
  if (Object.values(rec.elements).some((e) => e.scope === scope && e.id !== '0')) return;
  if (scope === '0') return completeInstance(step, rec);
  await finishElement(step, rec, container!);
}

async function completeInstance(step: Step, rec: InstanceRecord): Promise<void> {
  // the process's own event subprocess subscriptions end with it
  if (rec.elements['0']?.waits) await step.ops.closeWaits(step, rec, rec.elements['0']);
  rec.state = 'COMPLETED';
  record(step, rec, rec.bpmnProcessId, 'COMPLETED', '0');
  step.emit({ type: 'instance.completed', processInstanceKey: rec.key, bpmnProcessId: rec.bpmnProcessId, variables: rec.vars['0'] ?? {} });
  if (!rec.parent) return;
  const parent = await step.instance(rec.parent.instanceKey);
  const callEi = parent?.elements[rec.parent.elementInstanceId];
  if (!parent || !callEi) return;
  const model = await step.model(parent);
  const el = model.elements.get(callEi.elementId)!;
  callEi.child = undefined;
  // with output mappings the child's variables are only their input (Zeebe ignores propagateAllChildVariables then)
  const pass = el.called!.propagateAllChildVariables || el.outputs.length > 0;
  await completeElement(step, parent, callEi, pass ? { ...rec.vars['0'] } : undefined);
}

async function arriveAtJoin(step: Step, rec: InstanceRecord, model: ProcessModel, el: ElementDef, scope: string, flowId: string): Promise<boolean> {
  const holder = scope === '0' ? (rec.elements['0'] ??= { id: '0', elementId: rec.bpmnProcessId, scope: '' }) : rec.elements[scope];
  const joins = (holder.joins ??= {});
  const arrived = (joins[el.id] ??= []);
  arrived.push(flowId);
  if (el.kind === 'parallelGateway') {
    if (!el.incoming.every((f) => arrived.includes(f))) return false;
    for (const f of el.incoming) arrived.splice(arrived.indexOf(f), 1);
    return true;
  }
  if (await otherTokensReach(rec, model, el, scope)) return false;
  joins[el.id] = [];
  return true;
}

async function otherTokensReach(rec: InstanceRecord, model: ProcessModel, gateway: ElementDef, scope: string): Promise<boolean> {
  return Object.values(rec.elements).some((e) => e.scope === scope && e.id !== '0' && reaches(model, e.elementId, gateway.id, new Set()));
}

function reaches(model: ProcessModel, from: string, to: string, seen: Set<string>): boolean {
  if (seen.has(from)) return false;
  seen.add(from);
  const el = model.elements.get(from);
  if (!el) return false;
  const next = [...el.outgoing.map((f) => f.targetId), ...el.boundaries];
  return next.some((id) => id === to || reaches(model, id, to, seen));
}

function applyInputs(rec: InstanceRecord, ei: ElementInstance, inputs: Mapping[]): void {
  const context = visibleVariables(rec, ei.scope);
  const local = (rec.vars[ei.id] ??= {});
  for (const m of inputs) assignTarget(local, m.target, m.source.evaluate({ ...context, ...local }));
}

function applyOutputs(rec: InstanceRecord, ei: ElementInstance, outputs: Mapping[]): void {
  const context = visibleVariables(rec, ei.id);
  const results: Variables = {};
  for (const m of outputs) {
    const top = m.target.split('.')[0];
    if (m.target.includes('.') && !(top in results)) results[top] = visibleVariables(rec, ei.scope)[top] ?? {};
    assignTarget(results, m.target, m.source.evaluate(context));
  }
  for (const [k, v] of Object.entries(results)) propagateVariable(rec, ei.scope, k, v);
}
