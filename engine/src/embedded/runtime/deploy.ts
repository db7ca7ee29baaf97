import type { Deployment, Resource } from '../../port';
import { InvalidModelError, type ModelProblem } from '../../port';
import { scheduleTimer } from '../feel/timers';
import { parseBpmn, type ParsedProcess } from '../model/parseBpmn';
import type { ProcessModel } from '../model/ProcessModel';
import type { Step } from './Step';

/** Parses every resource first; nothing is stored when any model has a problem. */
export async function parseResources(resources: Resource[]): Promise<Array<ParsedProcess & { xml: string }>> {
  const problems: ModelProblem[] = [];
  const out: Array<ParsedProcess & { xml: string }> = [];
  if (resources.length === 0) problems.push({ message: 'no resources to deploy' });
  for (const r of resources) {
    const parsed = await parseBpmn(r.name, r.content);
    problems.push(...parsed.problems);
    for (const p of parsed.processes) out.push({ ...p, xml: r.content });
  }
  if (problems.length > 0) throw new InvalidModelError(problems);
  return out;
}

/** Stores new versions (an unchanged resource keeps its version) and opens timer and message start events. */
export async function storeDeployment(step: Step, parsed: Array<ParsedProcess & { xml: string }>, cache: Map<string, ProcessModel>): Promise<Deployment> {
  const deployment: Deployment = { key: step.key(), processes: [] };
  for (const p of parsed) {
    const id = p.model.bpmnProcessId;
    const latest = await step.tx.latestDefinition(id);
    if (latest && latest.xml === p.xml) {
      deployment.processes.push({ bpmnProcessId: id, version: latest.version, processDefinitionKey: latest.key, resourceName: p.resourceName });
      continue;
    }
    const def = { key: step.key(), bpmnProcessId: id, version: (latest?.version ?? 0) + 1, resourceName: p.resourceName, xml: p.xml, deployedAt: step.now };
    await step.tx.putDefinition(def);
    cache.set(def.key, p.model);
    for (const kind of ['timer', 'messageStart'] as const) {
      for (const old of await step.tx.findItems({ kind, instanceKey: `def:${id}` })) await step.tx.deleteItem(old.key);
    }
    for (const startId of p.model.timerStarts) {
      const ev = p.model.elements.get(startId)!.event as { kind: 'timer'; timer: 'duration' | 'date' | 'cycle'; value: { evaluate(v: object): unknown } };
      const schedule = scheduleTimer(ev.timer, String(ev.value.evaluate({})), step.now);
      if (!schedule) continue;
      await step.addItem({ key: step.key(), kind: 'timer', instanceKey: `def:${id}`, elementInstanceId: '', name: '', correlationKey: '', dueAt: schedule.dueAt, data: { purpose: 'start', elementId: startId, definitionKey: def.key, repetitions: schedule.repetitions, interval: schedule.interval } });
    }
    for (const startId of p.model.messageStarts) {
      const ev = p.model.elements.get(startId)!.event as { kind: 'message'; name: { evaluate(v: object): unknown } };
      await step.addItem({ key: step.key(), kind: 'messageStart', instanceKey: `def:${id}`, elementInstanceId: '', name: String(ev.name.evaluate({})), correlationKey: '', dueAt: null, data: { elementId: startId, definitionKey: def.key } });
    }
    deployment.processes.push({ bpmnProcessId: id, version: def.version, processDefinitionKey: def.key, resourceName: p.resourceName });
  }
  return deployment;
}
