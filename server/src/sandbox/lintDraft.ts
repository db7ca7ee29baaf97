import { hasLintErrors, lintDefinitions, readDefinitions } from '@dealerflow/designer/lint/node';
import { ValidationError } from '../errors/AppError';

/** Refuses a draft diagram that is not BPMN or has lint errors (the designer's rules), listing every error. */
export async function lintDraft(xml: string, pluginTypes: string[]): Promise<void> {
  let definitions;
  try {
    ({ definitions } = await readDefinitions(xml));
  } catch (error) {
    throw new ValidationError('The diagram is not BPMN XML', [{ field: 'xml', message: (error as Error).message }]);
  }
  const issues = await lintDefinitions(definitions, { pluginTypes });
  if (hasLintErrors(issues)) {
    const errors = issues.filter((issue) => issue.category === 'error');
    throw new ValidationError(`The diagram has ${errors.length} lint error(s)`, errors.map((issue) => ({ field: issue.id, message: `${issue.rule}: ${issue.message}` })));
  }
}
