import type { Router } from '@koa/router';
import type { HealthProbe } from '../health/healthRoutes';
import type { FeatureModule } from '../modules/FeatureModule';
import { featureModules } from '../modules/featureModules';
import type { Services } from '../services';

/** What the JSON routers need besides the services. */
export interface RouterOptions {
  engine: HealthProbe;
  secureCookies: boolean;
}

/** Every module's JSON API routers, in the order the app mounts them; tests walk them to reach every route. */
export function apiRouters(services: Services, options: RouterOptions, modules: readonly FeatureModule[] = featureModules): Router[] {
  return modules.flatMap((module) => module.routes?.(services, options) ?? []);
}

/** Every module's routers that read raw files (mounted before the JSON body parser). */
export function fileRouters(services: Services, modules: readonly FeatureModule[] = featureModules): Router[] {
  return modules.flatMap((module) => module.fileRoutes?.(services) ?? []);
}
