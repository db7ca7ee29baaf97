import { Router } from '@koa/router';
import type { VersionService } from './VersionService';
import { requireUser } from '../http/requireUser';

/** The versions of a deployed process: list, document, diff and rollback. Process admins only. */
export function versionRoutes(versions: VersionService): Router {
  const router = new Router({ prefix: '/api/processes/:processId/versions' });
  router.get('/', async (ctx) => {
    ctx.body = { items: await versions.list(requireUser(ctx), ctx.params.processId) };
  });
  router.get('/:version', async (ctx) => {
    ctx.body = await versions.get(requireUser(ctx), ctx.params.processId, ctx.params.version);
  });
  router.get('/:version/diff', async (ctx) => {
    ctx.body = await versions.diff(requireUser(ctx), ctx.params.processId, ctx.params.version, ctx.query.against);
  });
  router.post('/:version/rollback', async (ctx) => {
    ctx.body = await versions.rollback(requireUser(ctx), ctx.params.processId, ctx.params.version);
    ctx.status = 201;
  });
  return router;
}
