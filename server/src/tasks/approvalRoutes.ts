import { Router } from '@koa/router';
import { approvalRoutes as contract, type CaseSummary, type ResponseOf } from '@dealerflow/contract';
import type { ApprovalQueue } from './ApprovalQueue';
import type { CaseSummaries } from './CaseSummaries';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';
import { taskDto } from './taskRoutes';
import type { UserPageCache } from './UserPageCache';

/** A page of the approval queue as the API answers it. */
export type ApprovalAnswer = ResponseOf<typeof contract.list>;

/** The approval queue (each row with its case summary: VIN, amount, and its time left) and bulk decisions. */
export function approvalRoutes(queue: ApprovalQueue, summaries: CaseSummaries, pages: UserPageCache<ApprovalAnswer>): Router {
  const router = new Router({ prefix: '/api/approvals' });
  contractRoute(router, contract.list, async (ctx, { query }) => {
    const user = requireUser(ctx);
    const { limit, coverage, minAmount, ...filter } = query;
    return pages.read(user, query, async () => {
      const page = await queue.page(user, {
        ...filter,
        limit: limit ? Number(limit) : undefined,
        covered: coverage === undefined ? undefined : coverage === 'covered',
        minAmount: minAmount === undefined ? undefined : Math.min(Number(minAmount), 2_000_000_000),
      });
      const cases = await summaries.of(user, page.items);
      const now = Date.now();
      // summaries are case variables whose types the case's forms fixed; the response check holds them to the contract in tests
      return {
        items: page.items.map((task) => {
          const { amount: _a, covered: _c, ...row } = taskDto(task);
          return { ...row, timeLeftMs: task.dueDate ? task.dueDate.getTime() - now : null, summary: (cases.get(task.processInstanceKey) ?? {}) as CaseSummary };
        }),
        nextCursor: page.nextCursor,
      };
    });
  });
  contractRoute(router, contract.decide, async (ctx, { body }) => ({ results: await queue.decide(requireUser(ctx), body) }));
  return router;
}
