import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { ModelProblem } from '../../port';
import type { ModdleElement } from './moddle';
import type { ProcessModel } from './ProcessModel';
import { compileProcess } from './compileProcess';

/** A process compiled from a resource, with its source kept for storage. */
export interface ParsedProcess {
  model: ProcessModel;
  resourceName: string;
}

/** Parses BPMN XML into executable models, collecting every problem (element ids named) instead of stopping at the first. */
export async function parseBpmn(resourceName: string, xml: string): Promise<{ processes: ParsedProcess[]; problems: ModelProblem[] }> {
  const problems: ModelProblem[] = [];
  let definitions: ModdleElement;
  try {
    const result = await new BpmnModdle({ zeebe }).fromXML(xml, 'bpmn:Definitions');
    definitions = result.rootElement as unknown as ModdleElement;
    for (const w of result.warnings as Array<{ message: string; element?: { id?: string; $type?: string } }>) {
      // the diagram never runs: a shape or plane pointing nowhere is no reason to refuse a model (Zeebe ignores it too)
      if (w.element?.$type?.startsWith('bpmndi:')) continue;
      problems.push({ resourceName, elementId: w.element?.id, message: w.message });
    }
  } catch (e) {
    return { processes: [], problems: [{ resourceName, message: `malformed XML: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  if (processes.length === 0) problems.push({ resourceName, message: 'no process in the resource' });
  const parsed: ParsedProcess[] = [];
  for (const process of processes) {
    if (process.isExecutable !== true) {
      problems.push({ resourceName, elementId: process.id, message: 'process is not executable (isExecutable="false")' });
      continue;
    }
    const model = compileProcess(process, roots, (elementId, message) => problems.push({ resourceName, elementId, message }));
    parsed.push({ model, resourceName });
  }
  return { processes: parsed, problems };
}
