import { Router } from '@koa/router';
import type { SavedFilters } from '../../views/SavedView';
import type { SavedViewService } from '../../views/SavedViewService';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const savedViewRequest = validator<{ name: string; filters: SavedFilters }>({
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 80, pattern: '\\S' },
    filters: {
      type: 'object',
      properties: {
        state: { enum: ['open', 'completed', 'cancelled'] },
        assignee: { type: 'string', minLength: 1, maxLength: 64 },
        candidateGroup: { type: 'string', minLength: 1, maxLength: 64 },
        dealerId: { type: 'string', minLength: 1, maxLength: 32 },
        processId: { type: 'string', minLength: 1, maxLength: 128 },
        dueBefore: { type: 'string', format: 'date-time' },
        q: { type: 'string', minLength: 1, maxLength: 100 },
        sort: { enum: ['due', 'priority', 'created'] },
      },
      additionalProperties: false,
    },
  },
  required: ['name', 'filters'],
  additionalProperties: false,
});

/** `/api/me/views`: the signed-in user's saved inbox views. */
export function savedViewRoutes(views: SavedViewService): Router {
  const router = new Router({ prefix: '/api/me/views' });
  router.get('/', async (ctx) => {
    ctx.body = { items: await views.list(requireUser(ctx)) };
  });
  router.post('/', async (ctx) => {
    const user = requireUser(ctx);
    const { name, filters } = savedViewRequest(ctx.request.body);
    ctx.body = await views.create(user, name, filters);
    ctx.status = 201;
  });
  router.delete('/:id', async (ctx) => {
    await views.remove(requireUser(ctx), ctx.params.id);
    ctx.status = 204;
  });
  return router;
}
