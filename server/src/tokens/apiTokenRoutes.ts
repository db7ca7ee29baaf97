import { Router } from '@koa/router';
import { requireUser } from '../http/requireUser';
import { validator } from '../http/validate';
import type { ApiTokenService, NewApiToken } from './ApiTokenService';

const newTokenRequest = validator<NewApiToken>({
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 60, pattern: '^\\S(.*\\S)?$' },
    roles: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 64 } },
    dealerId: { anyOf: [{ type: 'string', minLength: 1, maxLength: 32 }, { type: 'null' }] },
    expiresAt: { type: 'string', format: 'date-time' },
  },
  required: ['name', 'roles', 'expiresAt'],
  additionalProperties: false,
});

/** `/api/api-tokens`: service accounts' tokens, for admins. */
export function apiTokenRoutes(tokens: ApiTokenService): Router {
  const router = new Router({ prefix: '/api/api-tokens' });
  router.get('/', async (ctx) => {
    ctx.body = { items: await tokens.list(requireUser(ctx)) };
  });
  router.post('/', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await tokens.create(user, newTokenRequest(ctx.request.body));
    ctx.status = 201;
  });
  router.post('/:id/revoke', async (ctx) => {
    ctx.body = await tokens.revoke(requireUser(ctx), ctx.params.id);
  });
  return router;
}
