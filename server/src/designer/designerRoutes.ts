import { Router } from '@koa/router';
import { designerRoutes as contract, type DraftDocument } from '@dealerflow/contract';
import type { DesignerDraftService } from './DesignerDraftService';
import type { PluginCatalog } from './PluginCatalog';
import type { VersionService } from '../processes/VersionService';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** The designer's server side: diagram drafts, the deployed processes it opens, and the plugins that element templates are made from. Process admins only. */
export function designerRoutes(drafts: DesignerDraftService, plugins: PluginCatalog, versions: VersionService): Router {
  const router = new Router({ prefix: '/api' });
  contractRoute(router, contract.drafts, async (ctx) => ({ items: await drafts.list(requireUser(ctx)) }));
  contractRoute(router, contract.draft, async (ctx, { params }) => (await drafts.get(requireUser(ctx), params.processId)) as DraftDocument);
  contractRoute(router, contract.saveDraft, async (ctx, { params, body }) => (await drafts.save(requireUser(ctx), params.processId, body)) as DraftDocument);
  contractRoute(router, contract.processes, async (ctx) => ({ items: await versions.processes(requireUser(ctx)) }));
  contractRoute(router, contract.plugins, async (ctx) => ({ items: plugins.list(requireUser(ctx)) as { taskType: string; title: string; description: string; input: Record<string, unknown>; output: Record<string, unknown> }[] }));
  return router;
}
