import type { ProcessEngine, Unsubscribe } from '@dealerflow/engine';
import type { EntityManager } from 'typeorm';
import { currentActor } from '../engine/actorContext';
import type { SqlStockLedger } from './SqlStockLedger';

/**
 * An admin who cancels a vehicle request ends it without running its release path, so the
 * vehicles it held go back to stock here, in the same transaction as the termination.
 */
export function releaseStockOnTermination(engine: ProcessEngine, ledger: SqlStockLedger): Unsubscribe {
  return engine.on('instance.terminated', async (event, ctx) => {
    if (event.bpmnProcessId !== 'vehicle-allocation' || !ctx.transaction) return;
    await ledger.releaseInstance(ctx.transaction as EntityManager, event.processInstanceKey, currentActor().username);
  });
}
