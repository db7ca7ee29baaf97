import { Router } from '@koa/router';
import type { ParameterizedContext } from 'koa';
import type { Resource } from '@dealerflow/engine';
import type { DecisionVersions } from '../../processes/DecisionVersions';
import { ForbiddenError, ValidationError } from '../../errors/AppError';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const reviewRequest = validator<Resource>({
  type: 'object',
  properties: {
    name: { type: 'string', pattern: '^[^/\\\\]{1,200}\\.dmn$' },
    content: { type: 'string', minLength: 1, maxLength: 5_000_000 },
  },
  required: ['name', 'content'],
  additionalProperties: false,
});

/** Deployed decision versions (their DMN) and the review of a DMN file before its deploy. Process admins only. */
export function decisionVersionRoutes(versions: DecisionVersions): Router {
  const router = new Router({ prefix: '/api/decisions' });
  const admin = (ctx: ParameterizedContext) => {
    const user = requireUser(ctx);
    if (user.ability.cannot('read', 'Deployment')) throw new ForbiddenError('Only process admins see decision versions');
    return user;
  };
  router.post('/review', async (ctx) => {
    admin(ctx);
    ctx.body = await versions.review(reviewRequest(ctx.request.body));
  });
  router.get('/:decisionId/versions/:version', async (ctx) => {
    admin(ctx);
    const { version } = ctx.params;
    if (!/^[1-9]\d{0,8}$/.test(version)) throw new ValidationError('version must be a positive integer', [{ field: 'version', message: 'must be a positive integer' }]);
    ctx.body = await versions.get(ctx.params.decisionId, Number(version));
  });
  return router;
}
