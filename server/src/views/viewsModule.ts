import { SavedViews1733100000000 } from './1733100000000-SavedViews';
import { defineModule } from '../modules/FeatureModule';
import { SavedView } from './SavedView';
import { savedViewRoutes } from './savedViewRoutes';
import { SavedViewService } from './SavedViewService';

/** People's saved inbox views. */
export const viewsModule = defineModule({
  name: 'views',
  entities: [SavedView],
  migrations: [SavedViews1733100000000],
  needs: ['audit'],
  makes: ['views'],
  services: ({ dataSource, audit }) => ({ views: new SavedViewService(dataSource, audit) }),
  routes: (s) => [savedViewRoutes(s.views)],
});
