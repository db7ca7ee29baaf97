import { Router } from '@koa/router';
import { sandboxRoutes as contract } from '@dealerflow/contract';
import type { SandboxService } from './SandboxService';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** Test runs of draft diagrams: start one, read it, complete its user tasks, close it. */
export function sandboxRoutes(sandbox: SandboxService): Router {
  const router = new Router({ prefix: '/api/sandbox/runs' });
  contractRoute(router, contract.start, async (ctx, { body }) => sandbox.start(requireUser(ctx), body));
  contractRoute(router, contract.get, async (ctx, { params }) => sandbox.get(requireUser(ctx), params.id));
  contractRoute(router, contract.complete, async (ctx, { params, body }) => sandbox.complete(requireUser(ctx), params.id, params.taskKey, body.variables ?? {}));
  contractRoute(router, contract.close, async (ctx, { params }) => {
    await sandbox.close(requireUser(ctx), params.id);
  });
  return router;
}
