import { extname, join } from 'node:path';
import { WorkerPool, type Resource } from '@dealerflow/engine';
import { hasLintErrors, lintDefinitions, readDefinitions, type LintIssue, type LintPurpose } from '@dealerflow/designer/lint/node';
import { ValidationError } from '../errors/AppError';
import type { BpmnCheckReply, BpmnCheckRequest } from './bpmnCheckWorker';
import { describeBpmn, type ProcessSummary } from './describeBpmn';

/**
 * Above this length (characters) a model is read and linted in a worker thread: a 900 KB
 * model takes seconds, which on the event loop would stall every other request. Small ones
 * stay on the loop, where they take less than a message across threads.
 */
export const OFF_THREAD_LENGTH = 64 * 1024;

let pool: WorkerPool<BpmnCheckRequest, BpmnCheckReply> | undefined;

/** The pool that checks large models (created on first use). */
export function bpmnCheckPool(): WorkerPool<BpmnCheckRequest, BpmnCheckReply> {
  pool ??= new WorkerPool(join(__dirname, `bpmnCheckWorker${extname(__filename)}`));
  return pool;
}

/** describeBpmn, in a worker thread for a large model. */
export async function describeBpmnOffThread(xml: string): Promise<ProcessSummary[]> {
  if (xml.length < OFF_THREAD_LENGTH) return describeBpmn(xml);
  const reply = await bpmnCheckPool().run({ kind: 'describe', xml });
  return 'summaries' in reply ? reply.summaries : [];
}

/**
 * The designer's lint rules for a deploy (in a worker thread for a large model): a model that
 * cannot run is refused with every such error listed; the house rules are only advice here.
 */
export async function lintBpmn(resource: Resource, pluginTypes: string[]): Promise<void> {
  const reply = await lintIssues(resource.content, pluginTypes, 'deploy');
  if ('unreadable' in reply) throw new ValidationError(`${resource.name} is not BPMN XML`, [{ field: resource.name, message: reply.unreadable }]);
  const { issues } = reply;
  if (hasLintErrors(issues)) {
    const errors = issues.filter((issue) => issue.category === 'error');
    throw new ValidationError(`${resource.name} cannot run: ${errors.length} problem(s)`, errors.map((issue) => ({ field: issue.id, message: `${issue.rule}: ${issue.message}` })));
  }
}

/** The lint issues of a BPMN diagram (found in a worker thread for a large one), or why it could not be read. */
export async function lintIssues(xml: string, pluginTypes: string[], purpose: LintPurpose = 'design'): Promise<{ issues: LintIssue[] } | { unreadable: string }> {
  const reply = xml.length < OFF_THREAD_LENGTH ? await lintHere(xml, pluginTypes, purpose) : await bpmnCheckPool().run({ kind: 'lint', xml, pluginTypes, purpose });
  return 'summaries' in reply ? { issues: [] } : reply;
}

async function lintHere(xml: string, pluginTypes: string[], purpose: LintPurpose): Promise<{ issues: LintIssue[] } | { unreadable: string }> {
  let definitions;
  try {
    ({ definitions } = await readDefinitions(xml));
  } catch (error) {
    return { unreadable: (error as Error).message };
  }
  return { issues: await lintDefinitions(definitions, { pluginTypes, purpose }) };
}
