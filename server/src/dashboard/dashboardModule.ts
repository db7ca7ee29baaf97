import { defineModule } from '../modules/FeatureModule';
import { DashboardRules1735100000000 } from './1735100000000-DashboardRules';
import { dashboardRoutes } from './dashboardRoutes';
import { DashboardService } from './DashboardService';

/** The process admin's overview. */
export const dashboardModule = defineModule({
  name: 'dashboard',
  migrations: [DashboardRules1735100000000],
  makes: ['dashboard'],
  services: ({ dataSource }) => ({ dashboard: new DashboardService(dataSource) }),
  routes: (s) => [dashboardRoutes(s.dashboard)],
});
