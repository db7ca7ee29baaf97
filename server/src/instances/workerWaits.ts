import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';

/** An element whose job waits for a worker outside Dealerflow: no plugin of ours serves its type. */
export interface WorkerWait {
  elementId: string;
  jobType: string;
}

interface ModdleNode {
  id?: string;
  flowElements?: ModdleNode[];
  rootElements?: ModdleNode[];
  extensionElements?: { values?: { $type: string; type?: string }[] };
}

/** Each element of a model with a static job type (a FEEL type is known only at run time), by element id. */
export async function staticJobTypes(xml: string): Promise<Map<string, string>> {
  const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml);
  const types = new Map<string, string>();
  const walk = (node: ModdleNode) => {
    const type = node.extensionElements?.values?.find((value) => value.$type === 'zeebe:TaskDefinition')?.type?.trim();
    if (node.id && type && !type.startsWith('=')) types.set(node.id, type);
    for (const child of [...(node.rootElements ?? []), ...(node.flowElements ?? [])]) walk(child);
  };
  walk(rootElement as ModdleNode);
  return types;
}

/** The active elements whose job type no plugin serves, so a customer's own worker has to take it. */
export function workerWaits(activeElementIds: readonly string[], jobTypes: ReadonlyMap<string, string>, pluginTypes: readonly string[], incidentElementIds: readonly string[]): WorkerWait[] {
  return activeElementIds.flatMap((elementId) => {
    const jobType = jobTypes.get(elementId);
    return jobType && !pluginTypes.includes(jobType) && !incidentElementIds.includes(elementId) ? [{ elementId, jobType }] : [];
  });
}
