import { Router } from '@koa/router';
import type { Variables } from '@dealerflow/engine';
import type { SandboxService, SandboxStartRequest } from '../../sandbox/SandboxService';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const startRequest = validator<SandboxStartRequest>({
  type: 'object',
  properties: {
    xml: { type: 'string', minLength: 1, maxLength: 2_000_000 },
    forms: { type: 'array', maxItems: 50, items: { type: 'object' } },
    decisions: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        properties: { name: { type: 'string', pattern: '^[\\w.-]{1,200}\\.dmn$' }, content: { type: 'string', minLength: 1, maxLength: 2_000_000 } },
        required: ['name', 'content'],
        additionalProperties: false,
      },
    },
    variables: { type: 'object' },
    dealerId: { type: 'string', minLength: 1, maxLength: 32 },
    bpmnProcessId: { type: 'string', minLength: 1, maxLength: 128 },
  },
  required: ['xml'],
  additionalProperties: false,
});

const completeRequest = validator<{ variables?: Variables }>({
  type: 'object',
  properties: { variables: { type: 'object' } },
  additionalProperties: false,
});

/** Test runs of draft diagrams: start one, read it, complete its user tasks, close it. */
export function sandboxRoutes(sandbox: SandboxService): Router {
  const router = new Router({ prefix: '/api/sandbox/runs' });
  router.post('/', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await sandbox.start(user, startRequest(ctx.request.body));
    ctx.status = 201;
  });
  router.get('/:id', async (ctx) => {
    ctx.body = await sandbox.get(requireUser(ctx), ctx.params.id);
  });
  router.post('/:id/tasks/:taskKey/complete', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await sandbox.complete(user, ctx.params.id, ctx.params.taskKey, completeRequest(ctx.request.body ?? {}).variables ?? {});
  });
  router.delete('/:id', async (ctx) => {
    await sandbox.close(requireUser(ctx), ctx.params.id);
    ctx.status = 204;
  });
  return router;
}
