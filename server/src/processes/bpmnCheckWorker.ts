import { serveInWorker } from '@dealerflow/engine';
import { lintDefinitions, readDefinitions, type LintIssue, type LintPurpose } from '@dealerflow/designer/lint/node';
import { describeBpmn, type ProcessSummary } from './describeBpmn';

/** A check of one BPMN resource, run in a worker thread. */
export type BpmnCheckRequest = { kind: 'describe'; xml: string } | { kind: 'lint'; xml: string; pluginTypes: string[]; purpose: LintPurpose };

/** The answer: the summaries, the lint issues, or why the XML could not be read. */
export type BpmnCheckReply = { summaries: ProcessSummary[] } | { issues: LintIssue[] } | { unreadable: string };

serveInWorker(async (request: BpmnCheckRequest): Promise<BpmnCheckReply> => {
  if (request.kind === 'describe') return { summaries: await describeBpmn(request.xml) };
  let definitions;
  try {
    ({ definitions } = await readDefinitions(request.xml));
  } catch (error) {
    return { unreadable: (error as Error).message };
  }
  // plain copies: an issue may carry moddle objects, which cannot cross threads
  return { issues: (await lintDefinitions(definitions, { pluginTypes: request.pluginTypes, purpose: request.purpose })).map(({ id, rule, message, category }) => ({ id, rule, message, category })) };
});
