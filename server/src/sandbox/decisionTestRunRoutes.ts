import { Router } from '@koa/router';
import { decisionRoutes as contract } from '@dealerflow/contract';
import { testRunDecision } from './DecisionTestRuns';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** Test runs of draft decisions: the output and the rules that matched, nothing written. */
export function decisionTestRunRoutes(): Router {
  const router = new Router({ prefix: '/api/decisions/test-runs' });
  contractRoute(router, contract.testRun, async (ctx, { body }) => testRunDecision(requireUser(ctx), body));
  return router;
}
