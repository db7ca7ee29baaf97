import { Router } from '@koa/router';
import { taskRoutes as contract, type ResponseOf, type Task as TaskDto } from '@dealerflow/contract';
import type { Services } from '../services';
import type { Task } from './Task';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** A time as JSON writes it; rows some services build by hand may already hold the text. */
function iso(date: Date | null): string | null {
  return date instanceof Date ? date.toISOString() : date;
}

/** A task as the API shows it (without the projection's search and sort helpers), dates as the client reads them. */
export function taskDto(task: Task): TaskDto {
  const { searchText: _searchText, dueSort: _dueSort, ...rest } = task;
  return { ...rest, dueDate: iso(rest.dueDate), followUpDate: iso(rest.followUpDate), createdAt: iso(rest.createdAt) as string, endedAt: iso(rest.endedAt) };
}
const dto = taskDto;

/** A page of the inbox as the API answers it. */
export type InboxAnswer = ResponseOf<typeof contract.list>;

/** The inbox: list, read, see the diagram, claim, unclaim, assign, save a draft, complete. */
export function taskRoutes({ inbox, inboxPages, tasks, drafts, assignment, diagrams }: Pick<Services, 'inbox' | 'inboxPages' | 'tasks' | 'drafts' | 'assignment' | 'diagrams'>): Router {
  const router = new Router({ prefix: '/api/tasks' });
  contractRoute(router, contract.list, async (ctx, { query }) => {
    const user = requireUser(ctx);
    const { limit, ...filter } = query;
    return inboxPages.read(user, query, async () => {
      const page = await inbox.page(user, { ...filter, limit: limit ? Number(limit) : undefined });
      return { items: page.items.map(dto), nextCursor: page.nextCursor };
    });
  });
  contractRoute(router, contract.get, async (ctx, { params }) => {
    const detail = await tasks.get(requireUser(ctx), params.key);
    return { ...detail, task: dto(detail.task), draft: detail.draft && { ...detail.draft, savedAt: iso(detail.draft.savedAt) as string } };
  });
  contractRoute(router, contract.claim, async (ctx, { params }) => dto(await tasks.claim(requireUser(ctx), params.key)));
  contractRoute(router, contract.unclaim, async (ctx, { params }) => dto(await tasks.unclaim(requireUser(ctx), params.key)));
  contractRoute(router, contract.diagram, async (ctx, { params }) => diagrams.get(requireUser(ctx), params.key));
  contractRoute(router, contract.assignees, async (ctx, { params }) => ({ items: await assignment.assignees(requireUser(ctx), params.key) }));
  contractRoute(router, contract.assign, async (ctx, { params, body }) => dto(await assignment.assign(requireUser(ctx), params.key, body.assignee, body.revision)));
  contractRoute(router, contract.saveDraft, async (ctx, { params, body }) => {
    const draft = await drafts.save(requireUser(ctx), params.key, body.variables);
    return { ...draft, savedAt: iso(draft.savedAt) as string };
  });
  contractRoute(router, contract.complete, async (ctx, { params, body }) => {
    await tasks.complete(requireUser(ctx), params.key, body.variables);
  });
  return router;
}
