import { Router } from '@koa/router';
import type { Resource } from '@dealerflow/engine';
import type { CommentService } from '../../comments/CommentService';
import type { DeploymentService } from '../../processes/DeploymentService';
import type { ProcessService } from '../../processes/ProcessService';
import { ForbiddenError } from '../../errors/AppError';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const startRequest = validator<{ bpmnProcessId: string; variables: Record<string, unknown>; dealerId?: string }>({
  type: 'object',
  properties: { bpmnProcessId: { type: 'string', minLength: 1, maxLength: 128 }, variables: { type: 'object' }, dealerId: { type: 'string', maxLength: 32 } },
  required: ['bpmnProcessId', 'variables'],
  additionalProperties: false,
});

const commentRequest = validator<{ body: string }>({
  type: 'object',
  properties: { body: { type: 'string', minLength: 1, maxLength: 4000, pattern: '\\S' } },
  required: ['body'],
  additionalProperties: false,
});

const deploymentRequest = validator<{ resources: Resource[] }>({
  type: 'object',
  properties: {
    resources: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        properties: { name: { type: 'string', pattern: '^[\\w.-]{1,200}$' }, content: { type: 'string', minLength: 1, maxLength: 2_000_000 } },
        required: ['name', 'content'],
        additionalProperties: false,
      },
    },
  },
  required: ['resources'],
  additionalProperties: false,
});

/** Deployments, the processes a user may start, and process instances. */
export function processRoutes(processes: ProcessService, deployments: DeploymentService, comments: CommentService): Router {
  const router = new Router({ prefix: '/api' });
  router.post('/deployments', async (ctx) => {
    const user = requireUser(ctx);
    if (user.ability.cannot('create', 'Deployment')) throw new ForbiddenError('You may not deploy processes');
    ctx.body = await deployments.deploy(user.username, deploymentRequest(ctx.request.body).resources);
    ctx.status = 201;
  });
  router.get('/processes', async (ctx) => {
    ctx.body = { items: await processes.startable(requireUser(ctx)) };
  });
  router.post('/process-instances', async (ctx) => {
    const user = requireUser(ctx);
    const { bpmnProcessId, variables, dealerId } = startRequest(ctx.request.body);
    ctx.body = await processes.start(user, bpmnProcessId, variables, dealerId);
    ctx.status = 201;
  });
  router.get('/process-instances/:key/comments', async (ctx) => {
    ctx.body = { items: await comments.list(requireUser(ctx), ctx.params.key) };
  });
  router.post('/process-instances/:key/comments', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await comments.add(user, ctx.params.key, commentRequest(ctx.request.body).body);
    ctx.status = 201;
  });
  router.post('/process-instances/:key/cancel', async (ctx) => {
    await processes.cancel(requireUser(ctx), ctx.params.key);
    ctx.status = 204;
  });
  return router;
}
