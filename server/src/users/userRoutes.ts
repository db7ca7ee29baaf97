import { Router } from '@koa/router';
import { userRoutes as contract, type UserView } from '@dealerflow/contract';
import type { UserService } from './UserService';
import { contractRoute } from '../http/contractRoute';
import { isoDates } from '../http/isoDates';
import { requireUser } from '../http/requireUser';

/** The user directory, as far as the caller may see it (masked field by field, so the view is what the rules let through). */
export function userRoutes(users: UserService): Router {
  const router = new Router({ prefix: '/api/users' });
  contractRoute(router, contract.list, async (ctx) => ({ items: (await users.list(requireUser(ctx))).map((user) => isoDates(user) as UserView) }));
  contractRoute(router, contract.get, async (ctx, { params }) => isoDates(await users.get(requireUser(ctx), params.id)) as UserView);
  return router;
}
