import { creditExposurePlugin, creditNotePlugin, notifyPlugin, stockPlugin, warrantyCoveragePlugin, type Plugin } from '@dealerflow/plugins';
import type { DataSource } from 'typeorm';
import { SqlCreditNoteLedger, SqlNotificationOutbox } from '../outbox/SqlOutbox';
import { SqlCoverageCatalog } from '../warranty/SqlCoverageCatalog';
import { SqlStockLedger } from '../allocation/SqlStockLedger';
import { SqlCreditLedger } from '../finance/SqlCreditLedger';

/** The plugins the shipped processes call, backed by our tables. */
export function shippedPlugins(dataSource: DataSource): Plugin[] {
  return [
    warrantyCoveragePlugin(new SqlCoverageCatalog(dataSource)),
    notifyPlugin(new SqlNotificationOutbox(dataSource)),
    creditNotePlugin(new SqlCreditNoteLedger(dataSource)),
    stockPlugin(new SqlStockLedger(dataSource)),
    creditExposurePlugin(new SqlCreditLedger(dataSource)),
  ] as Plugin[];
}
