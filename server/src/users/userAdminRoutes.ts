import { Router } from '@koa/router';
import { userAccountRoutes as contract } from '@dealerflow/contract';
import { contractRoute } from '../http/contractRoute';
import { isoDates } from '../http/isoDates';
import { requireUser } from '../http/requireUser';
import type { UserAdministration } from './UserAdministration';

/** `/api/user-accounts`: the administrators' list of accounts, their roles, disabling and enabling; the permission checks are the service's. */
export function userAdminRoutes(admin: UserAdministration): Router {
  const router = new Router({ prefix: '/api/user-accounts' });
  contractRoute(router, contract.list, async (ctx) => isoDates(await admin.list(requireUser(ctx))));
  contractRoute(router, contract.setRoles, async (ctx, { params, body }) => isoDates(await admin.setRoles(requireUser(ctx), params.id, body.roles)));
  contractRoute(router, contract.disable, async (ctx, { params }) => isoDates(await admin.setDisabled(requireUser(ctx), params.id, true)));
  contractRoute(router, contract.enable, async (ctx, { params }) => isoDates(await admin.setDisabled(requireUser(ctx), params.id, false)));
  return router;
}
