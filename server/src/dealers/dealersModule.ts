import { Dealer } from '../entities/Dealer';
import { defineModule } from '../modules/FeatureModule';
import { DealerService } from './DealerService';
import { dealerRoutes } from './dealerRoutes';

/** Dealers: their master data, territory, rating and credit limit. */
export const dealersModule = defineModule({
  name: 'dealers',
  entities: [Dealer],
  needs: ['audit'],
  makes: ['dealers'],
  services: ({ dataSource, audit }) => ({ dealers: new DealerService(dataSource, audit) }),
  routes: (s) => [dealerRoutes(s.dealers)],
});
