import { serveInWorker } from '../threads/serveInWorker';
import { parseBpmn } from './parseBpmn';
import { toPortable } from './portableModel';
import type { ModelProblem } from '../../port';
import type { PortableModel } from './portableModel';

/** What the parse worker answers: the processes as portable models, and every problem. */
export interface ParseReply {
  processes: Array<{ model: PortableModel; resourceName: string }>;
  problems: ModelProblem[];
}

serveInWorker(async ({ resourceName, xml }: { resourceName: string; xml: string }): Promise<ParseReply> => {
  const parsed = await parseBpmn(resourceName, xml);
  return { problems: parsed.problems, processes: parsed.processes.map((p) => ({ resourceName: p.resourceName, model: toPortable(p.model) })) };
});
