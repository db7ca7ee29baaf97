import { hasLintErrors } from '@dealerflow/designer/lint/node';
import { ValidationError } from '../errors/AppError';
import { lintIssues } from '../processes/bpmnChecks';

/** Refuses a draft diagram that is not BPMN or has lint errors (the designer's rules), listing every error; a large draft is read in a worker thread. */
export async function lintDraft(xml: string, pluginTypes: string[]): Promise<void> {
  const reply = await lintIssues(xml, pluginTypes);
  if ('unreadable' in reply) throw new ValidationError('The diagram is not BPMN XML', [{ field: 'xml', message: reply.unreadable }]);
  if (hasLintErrors(reply.issues)) {
    const errors = reply.issues.filter((issue) => issue.category === 'error');
    throw new ValidationError(`The diagram has ${errors.length} lint error(s)`, errors.map((issue) => ({ field: issue.id, message: `${issue.rule}: ${issue.message}` })));
  }
}
