import type { DecisionTestRunRequest } from '@dealerflow/contract';
import { DecisionError, explainDecision, parseDmn, type DecisionExplanation } from '@dealerflow/engine';
import type { CurrentUser } from '../auth/CurrentUser';
import { ForbiddenError, ValidationError } from '../errors/AppError';


/** Evaluates a decision of a draft DMN in memory: nothing is deployed or written. */
export async function testRunDecision(user: CurrentUser, request: DecisionTestRunRequest): Promise<DecisionExplanation> {
  // the same permission as test runs of diagrams: both try a draft before it is deployed
  if (user.ability.cannot('create', 'SandboxRun')) throw new ForbiddenError('You may not test-run decisions');
  const { decisions, problems } = await parseDmn('draft.dmn', request.xml);
  if (problems.length > 0 || decisions.length === 0) {
    throw new ValidationError('The decision table has problems', problems.map((p) => ({ field: p.elementId ?? '(model)', message: p.message })));
  }
  const decisionId = request.decisionId ?? decisions[0].decisionId;
  if (!decisions.some((d) => d.decisionId === decisionId)) {
    throw new ValidationError('The model has no such decision', [{ field: 'decisionId', message: `no decision "${decisionId}"` }]);
  }
  try {
    return explainDecision(decisions, decisionId, request.variables ?? {});
  } catch (error) {
    if (error instanceof DecisionError) throw new ValidationError('The decision could not be evaluated', [{ field: error.decisionId, message: error.message }]);
    throw error;
  }
}
