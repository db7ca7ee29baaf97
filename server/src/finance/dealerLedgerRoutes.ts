import { Router } from '@koa/router';
import { financeRoutes as contract } from '@dealerflow/contract';
import type { LedgerLine } from './DealerLedgerService';
import type { DealerLedgerService } from './DealerLedgerService';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

const lineDto = (line: LedgerLine) => ({ ...line, bookedAt: line.bookedAt.toISOString() });

/** A dealer's open-debt ledger and overdrafts; invoices and payments booked by master data administrators. */
export function dealerLedgerRoutes(ledger: DealerLedgerService): Router {
  const router = new Router({ prefix: '/api/finance/ledger/:dealerId' });
  contractRoute(router, contract.ledger, async (ctx, { params }) => {
    const { lines, overdrafts } = await ledger.ledger(requireUser(ctx), params.dealerId);
    return { lines: lines.map(lineDto), overdrafts: overdrafts.map((o) => ({ ...o, expiresAt: o.expiresAt.toISOString(), grantedAt: o.grantedAt.toISOString() })) };
  });
  contractRoute(router, contract.book, async (ctx, { params, body }) => lineDto(await ledger.book(requireUser(ctx), params.dealerId, body)));
  return router;
}
