import { Router } from '@koa/router';
import { designerRoutes as contract, type DraftDocument } from '@dealerflow/contract';
import type { DesignerDraftService } from './DesignerDraftService';
import type { PluginCatalog } from './PluginCatalog';
import type { VersionService } from '../processes/VersionService';
import { ForbiddenError } from '../errors/AppError';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** The designer's server side: diagram drafts, the deployed processes it opens, and the plugins that element templates are made from. Process admins only. */
export function designerRoutes(drafts: DesignerDraftService, plugins: PluginCatalog, versions: VersionService): Router {
  const router = new Router({ prefix: '/api' });
  const admin = (ctx: Parameters<typeof requireUser>[0], action: 'read' | 'create') => {
    const user = requireUser(ctx);
    if (user.ability.cannot(action, 'Deployment')) throw new ForbiddenError('Only process admins use the designer');
    return user;
  };
  contractRoute(router, contract.drafts, async (ctx) => {
    admin(ctx, 'read');
    return { items: await drafts.list() };
  });
  contractRoute(router, contract.draft, async (ctx, { params }) => {
    admin(ctx, 'read');
    return (await drafts.get(params.processId)) as DraftDocument;
  });
  contractRoute(router, contract.saveDraft, async (ctx, { params, body }) => {
    const user = admin(ctx, 'create');
    return (await drafts.save(user.username, params.processId, body)) as DraftDocument;
  });
  contractRoute(router, contract.processes, async (ctx) => {
    admin(ctx, 'read');
    return { items: await versions.processes() };
  });
  contractRoute(router, contract.plugins, async (ctx) => {
    admin(ctx, 'read');
    return { items: plugins.list() as { taskType: string; title: string; description: string; input: Record<string, unknown>; output: Record<string, unknown> }[] };
  });
  return router;
}
