import { Leads1734400000000 } from './1734400000000-Leads';
import { LeadRules1734400000001 } from './1734400000001-LeadRules';
import { defineModule } from '../modules/FeatureModule';
import { leadEntities } from './leadEntities';
import { leadRoutes } from './leadRoutes';
import { LeadService } from './LeadService';

/** Lead intake, the leads list and dealers' lead ratings. */
export const leadsModule = defineModule({
  name: 'leads',
  entities: leadEntities,
  migrations: [Leads1734400000000, LeadRules1734400000001],
  needs: ['audit'],
  makes: ['leads'],
  services: ({ dataSource, engine, audit }) => ({ leads: new LeadService(dataSource, engine, audit) }),
  routes: (s) => [leadRoutes(s.leads)],
});
