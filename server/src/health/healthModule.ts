import { HealthProbe1733900000000 } from './1733900000000-HealthProbe';
import { defineModule } from '../modules/FeatureModule';
import { healthRoutes } from './healthRoutes';

/** `GET /api/health`: the database (read and write) and the engine. */
export const healthModule = defineModule({
  name: 'health',
  migrations: [HealthProbe1733900000000],
  routes: (services, options) => [healthRoutes(services.dataSource, options.engine)],
});
