import { DealerFinance1734100000001 } from './1734100000001-DealerFinance';
import { defineModule } from '../modules/FeatureModule';
import { DealerLedgerService } from './DealerLedgerService';
import { dealerLedgerRoutes } from './dealerLedgerRoutes';
import { LedgerEntry } from './LedgerEntry';
import { Overdraft } from './Overdraft';

/** Dealer finance: invoices and payments on the ledger, overdrafts and exposure. */
export const financeModule = defineModule({
  name: 'finance',
  entities: [LedgerEntry, Overdraft],
  migrations: [DealerFinance1734100000001],
  needs: ['audit'],
  makes: ['dealerLedger'],
  services: ({ dataSource, audit }) => ({ dealerLedger: new DealerLedgerService(dataSource, audit) }),
  routes: (s) => [dealerLedgerRoutes(s.dealerLedger)],
});
