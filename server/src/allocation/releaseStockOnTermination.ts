import { currentActor } from '../engine/actorContext';
import type { FeedConsumer } from '../engine/engineEventFeed';
import type { SqlStockLedger } from './SqlStockLedger';

/**
 * An admin who cancels a vehicle request ends it without running its release path, so the
 * vehicles it held go back to stock here, in the transaction the termination is applied in.
 * Naturally idempotent: a second delivery finds nothing held and releases nothing.
 */
export function releaseStockOnTermination(ledger: SqlStockLedger): FeedConsumer {
  return {
    name: 'stock-release',
    types: ['instance.terminated'],
    once: 'natural',
    async consume(event, manager) {
      if (event.type !== 'instance.terminated' || event.bpmnProcessId !== 'vehicle-allocation') return;
      await ledger.releaseInstance(manager, event.processInstanceKey, currentActor().username);
    },
  };
}
