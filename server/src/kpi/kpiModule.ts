import { defineModule } from '../modules/FeatureModule';
import { DealerPlans1735000000000 } from './1735000000000-DealerPlans';
import { KpiRules1735000000001 } from './1735000000001-KpiRules';
import { DealerPlan } from './DealerPlan';
import { kpiRoutes } from './kpiRoutes';
import { KpiService } from './KpiService';

/** Dealer KPIs: plan against fact per month. */
export const kpiModule = defineModule({
  name: 'kpi',
  entities: [DealerPlan],
  migrations: [DealerPlans1735000000000, KpiRules1735000000001],
  needs: ['audit'],
  makes: ['kpi'],
  services: ({ dataSource, audit }) => ({ kpi: new KpiService(dataSource, audit) }),
  routes: (s) => [kpiRoutes(s.kpi)],
});
