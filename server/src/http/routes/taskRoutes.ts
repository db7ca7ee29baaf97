import { Router } from '@koa/router';
import type { Services } from '../../services';
import type { InboxFilter } from '../../tasks/InboxQuery';
import type { Task } from '../../tasks/Task';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const inboxFilter = validator<Omit<InboxFilter, 'limit'> & { limit?: string }>({
  type: 'object',
  properties: {
    state: { enum: ['open', 'completed', 'cancelled'] },
    assignee: { type: 'string', maxLength: 64 },
    candidateGroup: { type: 'string', maxLength: 64 },
    dealerId: { type: 'string', maxLength: 32 },
    processId: { type: 'string', maxLength: 128 },
    dueBefore: { type: 'string', format: 'date-time' },
    q: { type: 'string', minLength: 1, maxLength: 100 },
    sort: { enum: ['due', 'priority', 'created'] },
    cursor: { type: 'string', maxLength: 500 },
    limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
  },
  additionalProperties: false,
});

const completion = validator<{ variables: Record<string, unknown> }>({
  type: 'object',
  properties: { variables: { type: 'object' } },
  required: ['variables'],
  additionalProperties: false,
});

const draftRequest = validator<{ variables: Record<string, unknown> }>({
  type: 'object',
  properties: { variables: { type: 'object' } },
  required: ['variables'],
  additionalProperties: false,
});

const assignRequest = validator<{ assignee: string; revision?: number }>({
  type: 'object',
  properties: { assignee: { type: 'string', minLength: 1, maxLength: 64 }, revision: { type: 'integer', minimum: 1 } },
  required: ['assignee'],
  additionalProperties: false,
});

/** A task as the API shows it (without the projection's search and sort helpers). */
function dto(task: Task) {
  const { searchText: _searchText, dueSort: _dueSort, ...rest } = task;
  return rest;
}

/** The inbox: list, read, see the diagram, claim, unclaim, assign, save a draft, complete. */
export function taskRoutes({ inbox, tasks, drafts, assignment, diagrams }: Pick<Services, 'inbox' | 'tasks' | 'drafts' | 'assignment' | 'diagrams'>): Router {
  const router = new Router({ prefix: '/api/tasks' });
  router.get('/', async (ctx) => {
    const { limit, ...filter } = inboxFilter({ ...ctx.query });
    const page = await inbox.page(requireUser(ctx), { ...filter, limit: limit ? Number(limit) : undefined });
    ctx.body = { items: page.items.map(dto), nextCursor: page.nextCursor };
  });
  router.get('/:key', async (ctx) => {
    const detail = await tasks.get(requireUser(ctx), ctx.params.key);
    ctx.body = { ...detail, task: dto(detail.task) };
  });
  router.post('/:key/claim', async (ctx) => {
    ctx.body = dto(await tasks.claim(requireUser(ctx), ctx.params.key));
  });
  router.post('/:key/unclaim', async (ctx) => {
    ctx.body = dto(await tasks.unclaim(requireUser(ctx), ctx.params.key));
  });
  router.get('/:key/diagram', async (ctx) => {
    ctx.body = await diagrams.get(requireUser(ctx), ctx.params.key);
  });
  router.get('/:key/assignees', async (ctx) => {
    ctx.body = { items: await assignment.assignees(requireUser(ctx), ctx.params.key) };
  });
  router.post('/:key/assign', async (ctx) => {
    const user = requireUser(ctx);
    const { assignee, revision } = assignRequest(ctx.request.body);
    ctx.body = dto(await assignment.assign(user, ctx.params.key, assignee, revision));
  });
  router.put('/:key/draft', async (ctx) => {
    ctx.body = await drafts.save(requireUser(ctx), ctx.params.key, draftRequest(ctx.request.body).variables);
  });
  router.post('/:key/complete', async (ctx) => {
    const user = requireUser(ctx);
    await tasks.complete(user, ctx.params.key, completion(ctx.request.body).variables);
    ctx.status = 204;
  });
  return router;
}
