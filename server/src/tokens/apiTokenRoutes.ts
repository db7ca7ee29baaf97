import { Router } from '@koa/router';
import { apiTokenRoutes as contract } from '@dealerflow/contract';
import { contractRoute } from '../http/contractRoute';
import { isoDates } from '../http/isoDates';
import { requireUser } from '../http/requireUser';
import type { ApiTokenService } from './ApiTokenService';

/** `/api/api-tokens`: service accounts' tokens, for admins. */
export function apiTokenRoutes(tokens: ApiTokenService): Router {
  const router = new Router({ prefix: '/api/api-tokens' });
  contractRoute(router, contract.list, async (ctx) => ({ items: isoDates(await tokens.list(requireUser(ctx))) }));
  contractRoute(router, contract.create, async (ctx, { body }) => isoDates(await tokens.create(requireUser(ctx), body)));
  contractRoute(router, contract.revoke, async (ctx, { params }) => isoDates(await tokens.revoke(requireUser(ctx), params.id)));
  return router;
}
