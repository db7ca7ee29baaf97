import { Router } from '@koa/router';
import type { DesignerDraftService, DraftSave } from '../../designer/DesignerDraftService';
import type { PluginCatalog } from '../../designer/PluginCatalog';
import type { VersionService } from '../../processes/VersionService';
import { ForbiddenError } from '../../errors/AppError';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

/** A BPMN id as the engine accepts it for a process (an XML NCName, at most 128 characters). */
export const processIdPattern = '^[A-Za-z_][\\w.-]{0,127}$';

const draftRequest = validator<DraftSave>({
  type: 'object',
  properties: {
    // as large as the request body may be (LONGTEXT on MySQL)
    xml: { type: 'string', minLength: 1 },
    forms: {
      type: 'array',
      maxItems: 50,
      items: { type: 'object', properties: { id: { type: 'string', pattern: '^[\\w.-]{1,128}$' } }, required: ['id'] },
    },
    revision: { type: 'integer', minimum: 0 },
  },
  required: ['xml', 'forms', 'revision'],
  additionalProperties: false,
});

const processIdParam = validator<string>({ type: 'string', pattern: processIdPattern });

/** The designer's server side: diagram drafts, the deployed processes it opens, and the plugins that element templates are made from. Process admins only. */
export function designerRoutes(drafts: DesignerDraftService, plugins: PluginCatalog, versions: VersionService): Router {
  const router = new Router({ prefix: '/api' });
  const admin = (ctx: Parameters<typeof requireUser>[0], action: 'read' | 'create') => {
    const user = requireUser(ctx);
    if (user.ability.cannot(action, 'Deployment')) throw new ForbiddenError('Only process admins use the designer');
    return user;
  };
  router.get('/designer/drafts', async (ctx) => {
    admin(ctx, 'read');
    ctx.body = { items: await drafts.list() };
  });
  router.get('/designer/drafts/:processId', async (ctx) => {
    admin(ctx, 'read');
    ctx.body = await drafts.get(ctx.params.processId);
  });
  router.put('/designer/drafts/:processId', async (ctx) => {
    const user = admin(ctx, 'create');
    const processId = processIdParam(ctx.params.processId);
    ctx.body = await drafts.save(user.username, processId, draftRequest(ctx.request.body));
  });
  router.get('/designer/processes', async (ctx) => {
    admin(ctx, 'read');
    ctx.body = { items: await versions.processes() };
  });
  router.get('/plugins', async (ctx) => {
    admin(ctx, 'read');
    ctx.body = { items: plugins.list() };
  });
  return router;
}
