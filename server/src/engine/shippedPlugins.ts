import { creditExposurePlugin, creditNotePlugin, leadRoutingPlugin, notifyPlugin, stockPlugin, warrantyCoveragePlugin, type Plugin } from '@dealerflow/plugins';
import type { DataSource } from 'typeorm';
import { SqlCreditNoteLedger, SqlNotificationOutbox } from '../outbox/SqlOutbox';
import { SqlCoverageCatalog } from '../warranty/SqlCoverageCatalog';
import { SqlStockLedger } from '../allocation/SqlStockLedger';
import { SqlCreditLedger } from '../finance/SqlCreditLedger';
import { SqlLeadLedger } from '../leads/SqlLeadLedger';

/** The plugins the shipped processes call, backed by our tables. */
export function shippedPlugins(dataSource: DataSource): Plugin[] {
  return [
    warrantyCoveragePlugin(new SqlCoverageCatalog(dataSource)),
    notifyPlugin(new SqlNotificationOutbox(dataSource)),
    creditNotePlugin(new SqlCreditNoteLedger(dataSource)),
    stockPlugin(new SqlStockLedger(dataSource)),
    creditExposurePlugin(new SqlCreditLedger(dataSource)),
    leadRoutingPlugin(new SqlLeadLedger(dataSource)),
  ] as Plugin[];
}
