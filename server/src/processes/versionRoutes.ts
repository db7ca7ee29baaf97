import { Router } from '@koa/router';
import type { ParameterizedContext } from 'koa';
import type { VersionService } from './VersionService';
import { ForbiddenError, ValidationError } from '../errors/AppError';
import { requireUser } from '../http/requireUser';

/** A version number from the path or query; a 400 unless it is a positive integer. */
function versionNumber(value: unknown, field: string): number {
  if (typeof value !== 'string' || !/^[1-9]\d{0,8}$/.test(value)) throw new ValidationError(`${field} must be a positive integer`, [{ field, message: 'must be a positive integer' }]);
  return Number(value);
}

/** The versions of a deployed process: list, document, diff and rollback. Process admins only. */
export function versionRoutes(versions: VersionService): Router {
  const router = new Router({ prefix: '/api/processes/:processId/versions' });
  const admin = (ctx: ParameterizedContext, action: 'read' | 'create') => {
    const user = requireUser(ctx);
    if (user.ability.cannot(action, 'Deployment')) throw new ForbiddenError('Only process admins see process versions');
    return user;
  };
  router.get('/', async (ctx) => {
    admin(ctx, 'read');
    ctx.body = { items: await versions.list(ctx.params.processId) };
  });
  router.get('/:version', async (ctx) => {
    admin(ctx, 'read');
    ctx.body = await versions.get(ctx.params.processId, versionNumber(ctx.params.version, 'version'));
  });
  router.get('/:version/diff', async (ctx) => {
    admin(ctx, 'read');
    const against = ctx.query.against === undefined ? undefined : versionNumber(ctx.query.against, 'against');
    ctx.body = await versions.diff(ctx.params.processId, versionNumber(ctx.params.version, 'version'), against);
  });
  router.post('/:version/rollback', async (ctx) => {
    const user = admin(ctx, 'create');
    ctx.body = await versions.rollback(user.username, ctx.params.processId, versionNumber(ctx.params.version, 'version'));
    ctx.status = 201;
  });
  return router;
}
