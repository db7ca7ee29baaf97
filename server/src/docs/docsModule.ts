import { defineModule } from '../modules/FeatureModule';
import { docsRoutes } from './docsRoutes';

/** The API's OpenAPI description and its viewer. */
export const docsModule = defineModule({
  name: 'docs',
  routes: () => [docsRoutes()],
});
