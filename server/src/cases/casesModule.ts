import { CaseSearch1734500000000 } from './1734500000000-CaseSearch';
import { defineModule } from '../modules/FeatureModule';
import { caseRoutes } from './caseRoutes';
import { CaseSearch } from './CaseSearch';

/** The Cases page's search. */
export const casesModule = defineModule({
  name: 'cases',
  migrations: [CaseSearch1734500000000],
  needs: ['formCatalog'],
  makes: ['cases'],
  services: ({ dataSource, formCatalog }) => ({ cases: new CaseSearch(dataSource, formCatalog) }),
  routes: (s) => [caseRoutes(s.cases)],
});
