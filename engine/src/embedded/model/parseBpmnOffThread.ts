import { extname, join } from 'node:path';
import type { ModelProblem } from '../../port';
import { WorkerPool } from '../threads/WorkerPool';
import { parseBpmn, type ParsedProcess } from './parseBpmn';
import type { ParseReply } from './parseWorker';
import { fromPortable } from './portableModel';

/**
 * Above this length (characters) a model is parsed in a worker thread: parsing and compiling a 900 KB
 * model takes seconds, which on the event loop would stall every request meanwhile. Small
 * models stay on the loop, where they parse faster than a message crosses threads.
 */
export const OFF_THREAD_LENGTH = 64 * 1024;

let pool: WorkerPool<{ resourceName: string; xml: string }, ParseReply> | undefined;

/** The pool that parses large models (created on first use). */
export function parsePool(): WorkerPool<{ resourceName: string; xml: string }, ParseReply> {
  pool ??= new WorkerPool(join(__dirname, `parseWorker${extname(__filename)}`));
  return pool;
}

/** parseBpmn, run in a worker thread for a large model so the event loop stays free. */
export async function parseBpmnOffThread(resourceName: string, xml: string): Promise<{ processes: ParsedProcess[]; problems: ModelProblem[] }> {
  if (xml.length < OFF_THREAD_LENGTH) return parseBpmn(resourceName, xml);
  const reply = await parsePool().run({ resourceName, xml });
  const processes: ParsedProcess[] = [];
  for (const p of reply.processes) processes.push({ resourceName: p.resourceName, model: await fromPortable(p.model) });
  return { problems: reply.problems, processes };
}
