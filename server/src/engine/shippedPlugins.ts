import { creditExposurePlugin, creditNotePlugin, leadRoutingPlugin, notifyPlugin, stockPlugin, tenderRegistryPlugin, warrantyCoveragePlugin, type Plugin } from '@dealerflow/plugins';
import type { DataSource } from 'typeorm';
import { SqlCreditNoteLedger, SqlNotificationOutbox, type NoticeListener } from '../outbox/SqlOutbox';
import { SqlCoverageCatalog } from '../warranty/SqlCoverageCatalog';
import { SqlStockLedger } from '../allocation/SqlStockLedger';
import { SqlCreditLedger } from '../finance/SqlCreditLedger';
import { SqlLeadLedger, type LeadAssignedListener } from '../leads/SqlLeadLedger';
import { SqlTenderRegistry } from '../tenders/SqlTenderRegistry';

/**
 * The plugins the shipped processes call, backed by our tables; `now` is the clock the tender
 * registry dates holds and locks by; `onNotice` puts the notices processes send in people's bells;
 * `onLeadAssigned` hears a lead given to a dealer, in that transaction.
 */
export function shippedPlugins(dataSource: DataSource, now: () => Date = () => new Date(), onNotice?: NoticeListener, onLeadAssigned?: LeadAssignedListener): Plugin[] {
  return [
    warrantyCoveragePlugin(new SqlCoverageCatalog(dataSource)),
    notifyPlugin(new SqlNotificationOutbox(dataSource, onNotice)),
    creditNotePlugin(new SqlCreditNoteLedger(dataSource)),
    stockPlugin(new SqlStockLedger(dataSource)),
    creditExposurePlugin(new SqlCreditLedger(dataSource)),
    leadRoutingPlugin(new SqlLeadLedger(dataSource, now, onLeadAssigned)),
    tenderRegistryPlugin(new SqlTenderRegistry(dataSource, now)),
  ] as Plugin[];
}
