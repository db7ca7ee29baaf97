import { Router } from '@koa/router';
import { financeRoutes, stockRoutes, type ReservationRow, type StockVehicle, type VehicleOrder } from '@dealerflow/contract';
import type { AllocationService } from './AllocationService';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/**
 * A masked row as its answer's items: the fields the user's rules let them read (the contract
 * marks those a role may be denied as optional), its times as JSON writes them.
 */
const asItems = <T>(rows: object[]) => rows as unknown as T[];

/** Vehicle stock, reservations (with cancel), orders and a dealer's exposure. */
export function allocationRoutes(allocation: AllocationService): Router {
  const router = new Router({ prefix: '/api' });
  contractRoute(router, stockRoutes.stock, async (ctx, { query }) => ({ items: asItems<StockVehicle>(await allocation.stock(requireUser(ctx), query)) }));
  contractRoute(router, stockRoutes.reservations, async (ctx, { query }) => ({ items: asItems<ReservationRow>(await allocation.reservations(requireUser(ctx), query.state)) }));
  contractRoute(router, stockRoutes.cancelReservation, async (ctx, { params, body }) => {
    await allocation.cancel(requireUser(ctx), params.caseRef, body.reason);
  });
  contractRoute(router, stockRoutes.orders, async (ctx) => ({ items: asItems<VehicleOrder>(await allocation.orders(requireUser(ctx))) }));
  contractRoute(router, financeRoutes.exposure, async (ctx, { params }) => allocation.exposure(requireUser(ctx), params.dealerId));
  return router;
}
