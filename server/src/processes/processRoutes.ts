import { Router } from '@koa/router';
import { caseFileRoutes, deploymentRoutes, instanceRoutes, processStartRoutes } from '@dealerflow/contract';
import type { CommentService } from '../comments/CommentService';
import type { DeploymentService } from './DeploymentService';
import type { ProcessService } from './ProcessService';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** A comment as the API writes it. */
const commentDto = <C extends { createdAt: Date }>(comment: C) => ({ ...comment, createdAt: comment.createdAt.toISOString() });

/** Deployments, the processes a user may start, and process instances. */
export function processRoutes(processes: ProcessService, deployments: DeploymentService, comments: CommentService): Router {
  const router = new Router({ prefix: '/api' });
  contractRoute(router, deploymentRoutes.deploy, async (ctx, { body }) => deployments.deployAs(requireUser(ctx), body.resources));
  contractRoute(router, processStartRoutes.startable, async (ctx) => ({ items: await processes.startable(requireUser(ctx)) }));
  contractRoute(router, processStartRoutes.start, async (ctx, { body }) => processes.start(requireUser(ctx), body.bpmnProcessId, body.variables, body.dealerId));
  contractRoute(router, caseFileRoutes.comments, async (ctx, { params }) => ({ items: (await comments.list(requireUser(ctx), params.key)).map(commentDto) }));
  contractRoute(router, caseFileRoutes.comment, async (ctx, { params, body }) => commentDto(await comments.add(requireUser(ctx), params.key, body.body)));
  contractRoute(router, instanceRoutes.cancel, async (ctx, { params }) => {
    await processes.cancel(requireUser(ctx), params.key);
  });
  return router;
}
