import { Router } from '@koa/router';
import type { ApprovalDecision, ApprovalQueue } from '../../tasks/ApprovalQueue';
import type { CaseSummaries } from '../../tasks/CaseSummaries';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const pageQuery = validator<{ cursor?: string; limit?: string; sort?: 'due' | 'amount' | 'created' | 'dealer'; dealerId?: string; processId?: string; coverage?: 'covered' | 'notCovered'; minAmount?: string }>({
  type: 'object',
  properties: {
    cursor: { type: 'string', maxLength: 1200 },
    limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
    sort: { enum: ['due', 'amount', 'created', 'dealer'] },
    dealerId: { type: 'string', minLength: 1, maxLength: 32 },
    processId: { type: 'string', minLength: 1, maxLength: 128 },
    coverage: { enum: ['covered', 'notCovered'] },
    minAmount: { type: 'string', pattern: '^(0|[1-9][0-9]{0,9})$' },
  },
  additionalProperties: false,
});

const decisionRequest = validator<ApprovalDecision>({
  type: 'object',
  properties: {
    taskIds: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 }, minItems: 1, maxItems: 100, uniqueItems: true },
    decision: { enum: ['approve', 'reject', 'requestInfo'] },
    reason: { type: 'string', minLength: 5, maxLength: 2000 },
  },
  required: ['taskIds', 'decision', 'reason'],
  additionalProperties: false,
});

/** The approval queue (each row with its case summary: VIN, amount) and bulk decisions. */
export function approvalRoutes(queue: ApprovalQueue, summaries: CaseSummaries): Router {
  const router = new Router({ prefix: '/api/approvals' });
  router.get('/', async (ctx) => {
    const { limit, coverage, minAmount, ...filter } = pageQuery({ ...ctx.query });
    const user = requireUser(ctx);
    const page = await queue.page(user, {
      ...filter,
      limit: limit ? Number(limit) : undefined,
      covered: coverage === undefined ? undefined : coverage === 'covered',
      minAmount: minAmount === undefined ? undefined : Math.min(Number(minAmount), 2_000_000_000),
    });
    const cases = await summaries.of(user, page.items);
    const now = Date.now();
    ctx.body = {
      items: page.items.map(({ searchText: _s, dueSort: _d, amount: _a, covered: _c, ...task }) => ({
        ...task,
        timeLeftMs: task.dueDate ? task.dueDate.getTime() - now : null,
        summary: cases.get(task.processInstanceKey) ?? {},
      })),
      nextCursor: page.nextCursor,
    };
  });
  router.post('/decide', async (ctx) => {
    const results = await queue.decide(requireUser(ctx), decisionRequest(ctx.request.body));
    ctx.body = { results };
  });
  return router;
}
