import { Router } from '@koa/router';
import type { UserService } from '../../users/UserService';
import { requireUser } from '../requireUser';

/** The user directory, as far as the caller may see it. */
export function userRoutes(users: UserService): Router {
  const router = new Router({ prefix: '/api/users' });
  router.get('/', async (ctx) => {
    ctx.body = { items: await users.list(requireUser(ctx)) };
  });
  router.get('/:id', async (ctx) => {
    ctx.body = await users.get(requireUser(ctx), ctx.params.id);
  });
  return router;
}
