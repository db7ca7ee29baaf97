import { FormDrafts1733500000000 } from './1733500000000-FormDrafts';
import { defineModule } from '../modules/FeatureModule';
import { FormDraft } from './FormDraft';
import { formRoutes } from './formRoutes';
import { FormService } from './FormService';

/** The form builder's drafts and published forms. */
export const formsModule = defineModule({
  name: 'forms',
  entities: [FormDraft],
  migrations: [FormDrafts1733500000000],
  needs: ['audit'],
  makes: ['forms'],
  services: ({ dataSource, audit }) => ({ forms: new FormService(dataSource, audit) }),
  routes: (s) => [formRoutes(s.forms)],
});
