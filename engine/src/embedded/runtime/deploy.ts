import type { Deployment, Resource } from '../../port';
import { InvalidModelError, type ModelProblem } from '../../port';
import { isDmnResource, parseDmn, type DecisionModel } from '../dmn';
import { FeelBudgetError, FeelError, type Expression } from '../feel/Expression';
import { scheduleTimer } from '../feel/timers';
import type { ParsedProcess } from '../model/parseBpmn';
import { isFormResource, parseForm, type ParsedForm } from '../model/parseForm';
import { parseBpmnOffThread } from '../model/parseBpmnOffThread';
import type { ProcessModel } from '../model/ProcessModel';
import type { DefinitionRecord } from '../store/EngineStore';
import { DECISION_PREFIX, FORM_PREFIX } from './definitionIds';
import type { Step } from './Step';

/** A decision parsed from a resource, with the resource kept for storage. */
export interface ParsedDecision {
  decision: DecisionModel;
  resourceName: string;
  xml: string;
}

/** The models of one deployment. */
export interface ParsedResources {
  processes: Array<ParsedProcess & { xml: string }>;
  decisions: ParsedDecision[];
  forms: ParsedForm[];
}

/** Parses every resource first (BPMN, DMN or a form); nothing is stored when any has a problem. */
export async function parseResources(resources: Resource[]): Promise<ParsedResources> {
  const problems: ModelProblem[] = [];
  const out: ParsedResources = { processes: [], decisions: [], forms: [] };
  if (resources.length === 0) problems.push({ message: 'no resources to deploy' });
  for (const r of resources) {
    if (isFormResource(r.name)) {
      const parsed = parseForm(r.name, r.content);
      problems.push(...parsed.problems);
      const twin = parsed.form && out.forms.find((f) => f.formId === parsed.form!.formId);
      if (twin) problems.push({ resourceName: r.name, message: `the form id '${twin.formId}' is also the id of '${twin.resourceName}' in this deployment` });
      else if (parsed.form) out.forms.push(parsed.form);
      continue;
    }
    if (isDmnResource(r.name, r.content)) {
      const parsed = await parseDmn(r.name, r.content);
      problems.push(...parsed.problems);
      for (const decision of parsed.decisions) out.decisions.push({ decision, resourceName: r.name, xml: r.content });
      continue;
    }
    const parsed = await parseBpmnOffThread(r.name, r.content);
    problems.push(...parsed.problems);
    for (const p of parsed.processes) {
      problems.push(...startEventProblems(p));
      out.processes.push({ ...p, xml: r.content });
    }
  }
  if (problems.length > 0) throw new InvalidModelError(problems);
  return out;
}

/** Timer, message and signal start events are evaluated at deployment: one that cannot be (or is too expensive) is a problem of the model. */
function startEventProblems({ model, resourceName }: ParsedProcess): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const elementId of [...model.timerStarts, ...model.messageStarts, ...(model.signalStarts ?? [])]) {
    const ev = model.elements.get(elementId)!.event as { kind: string; value?: Expression; name?: Expression };
    try {
      (ev.value ?? ev.name)?.evaluate({});
    } catch (e) {
      if (!(e instanceof FeelError)) throw e;
      problems.push({ resourceName, elementId, message: e instanceof FeelBudgetError ? e.inElement(elementId) : e.message });
    }
  }
  return problems;
}

/** Stores new versions (an unchanged resource keeps its version) and opens timer and message start events. */
export async function storeDeployment(step: Step, parsed: ParsedResources, cache: Map<string, ProcessModel>): Promise<Deployment> {
  const deployment: Deployment = { key: step.key(), processes: [], decisions: [], forms: [] };
  for (const f of parsed.forms) {
    const { def } = await storeVersion(step, FORM_PREFIX + f.formId, f.resourceName, f.content);
    deployment.forms!.push({ formId: f.formId, version: def.version, formKey: def.key, resourceName: f.resourceName });
  }
  for (const d of parsed.decisions) {
    const { def } = await storeVersion(step, DECISION_PREFIX + d.decision.decisionId, d.resourceName, d.xml);
    deployment.decisions!.push({ decisionId: d.decision.decisionId, version: def.version, decisionKey: def.key, resourceName: d.resourceName });
  }
  for (const p of parsed.processes) {
    const id = p.model.bpmnProcessId;
    const { def, isNew } = await storeVersion(step, id, p.resourceName, p.xml);
    deployment.processes.push({ bpmnProcessId: id, version: def.version, processDefinitionKey: def.key, resourceName: p.resourceName });
    if (!isNew) continue;
    cache.set(def.key, p.model);
    await openStartEvents(step, p.model, def);
  }
  return deployment;
}

/** The latest version when its XML is unchanged, otherwise a new version. */
async function storeVersion(step: Step, id: string, resourceName: string, xml: string): Promise<{ def: DefinitionRecord; isNew: boolean }> {
  const latest = await step.tx.latestDefinition(id);
  if (latest && latest.xml === xml) return { def: latest, isNew: false };
  const def = { key: step.key(), bpmnProcessId: id, version: (latest?.version ?? 0) + 1, resourceName, xml, deployedAt: step.now };
  await step.tx.putDefinition(def);
  return { def, isNew: true };
}

/** Replaces the previous version's timer, message and signal start subscriptions with this version's. */
async function openStartEvents(step: Step, model: ProcessModel, def: DefinitionRecord): Promise<void> {
  const id = model.bpmnProcessId;
  for (const kind of ['timer', 'messageStart', 'signalStart'] as const) {
    for (const old of await step.tx.findItems({ kind, instanceKey: `def:${id}` })) await step.tx.deleteItem(old.key);
  }
  for (const startId of model.timerStarts) {
    const ev = model.elements.get(startId)!.event as { kind: 'timer'; timer: 'duration' | 'date' | 'cycle'; value: { evaluate(v: object): unknown } };
    const schedule = scheduleTimer(ev.timer, String(ev.value.evaluate({})), step.now);
    if (!schedule) continue;
    await step.addItem({ key: step.key(), kind: 'timer', instanceKey: `def:${id}`, elementInstanceId: '', name: '', correlationKey: '', dueAt: schedule.dueAt, data: { purpose: 'start', elementId: startId, definitionKey: def.key, repetitions: schedule.repetitions, interval: schedule.interval } });
  }
  for (const startId of model.messageStarts) {
    const ev = model.elements.get(startId)!.event as { kind: 'message'; name: { evaluate(v: object): unknown } };
    await step.addItem({ key: step.key(), kind: 'messageStart', instanceKey: `def:${id}`, elementInstanceId: '', name: String(ev.name.evaluate({})), correlationKey: '', dueAt: null, data: { elementId: startId, definitionKey: def.key } });
  }
  for (const startId of model.signalStarts ?? []) {
    const ev = model.elements.get(startId)!.event as { kind: 'signal'; name: { evaluate(v: object): unknown } };
    await step.addItem({ key: step.key(), kind: 'signalStart', instanceKey: `def:${id}`, elementInstanceId: '', name: String(ev.name.evaluate({})), correlationKey: '', dueAt: null, data: { elementId: startId, definitionKey: def.key } });
  }
}
