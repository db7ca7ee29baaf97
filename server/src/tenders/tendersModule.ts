import { Tenders1734300000000 } from './1734300000000-Tenders';
import { TenderRules1734300000001 } from './1734300000001-TenderRules';
import { defineModule } from '../modules/FeatureModule';
import { TenderCatalog1735600000000 } from './1735600000000-TenderCatalog';
import { TenderCatalog } from './TenderCatalog';
import { tenderEntities } from './tenderEntities';
import { tenderRoutes } from './tenderRoutes';
import { TenderService } from './TenderService';

/** Tender applications, locks and outcomes, and the catalog of customers and models. */
export const tendersModule = defineModule({
  name: 'tenders',
  entities: tenderEntities,
  migrations: [Tenders1734300000000, TenderRules1734300000001, TenderCatalog1735600000000],
  needs: ['audit'],
  makes: ['tenders', 'tenderCatalog'],
  services: ({ dataSource, engine, audit }) => ({ tenders: new TenderService(dataSource, engine, audit), tenderCatalog: new TenderCatalog(dataSource, audit) }),
  routes: (s) => [tenderRoutes(s.tenders, s.tenderCatalog)],
});
