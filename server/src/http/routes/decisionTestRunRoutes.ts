import { Router } from '@koa/router';
import { testRunDecision, type DecisionTestRunRequest } from '../../sandbox/DecisionTestRuns';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const runRequest = validator<DecisionTestRunRequest>({
  type: 'object',
  properties: {
    xml: { type: 'string', minLength: 1, maxLength: 2_000_000 },
    decisionId: { type: 'string', minLength: 1, maxLength: 256 },
    variables: { type: 'object' },
  },
  required: ['xml'],
  additionalProperties: false,
});

/** Test runs of draft decisions: the output and the rules that matched, nothing written. */
export function decisionTestRunRoutes(): Router {
  const router = new Router({ prefix: '/api/decisions/test-runs' });
  router.post('/', async (ctx) => {
    ctx.body = await testRunDecision(requireUser(ctx), runRequest(ctx.request.body));
  });
  return router;
}
