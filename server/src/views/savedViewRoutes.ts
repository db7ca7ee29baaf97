import { Router } from '@koa/router';
import { savedViewRoutes as contract, type SavedViewFilters } from '@dealerflow/contract';
import type { SavedViewDto, SavedViewService } from './SavedViewService';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** A saved view with its time as the client reads it; its filters were checked against the contract when saved. */
const dto = (view: SavedViewDto) => ({ ...view, filters: view.filters as SavedViewFilters, createdAt: view.createdAt instanceof Date ? view.createdAt.toISOString() : view.createdAt });

/** `/api/me/views`: the signed-in user's saved inbox views. */
export function savedViewRoutes(views: SavedViewService): Router {
  const router = new Router({ prefix: '/api/me/views' });
  contractRoute(router, contract.list, async (ctx) => ({ items: (await views.list(requireUser(ctx))).map(dto) }));
  contractRoute(router, contract.create, async (ctx, { body }) => dto(await views.create(requireUser(ctx), body.name, body.filters)));
  contractRoute(router, contract.remove, async (ctx, { params }) => {
    await views.remove(requireUser(ctx), params.id);
  });
  return router;
}
