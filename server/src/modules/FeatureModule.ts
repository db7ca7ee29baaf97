import type { Router } from '@koa/router';
import type { ProcessEngine } from '@dealerflow/engine';
import type { DataSource, MigrationInterface } from 'typeorm';
import type { FeedConsumer } from '../engine/engineEventFeed';
import type { RouterOptions } from '../http/apiRouters';
import type { ServiceOptions, Services } from '../services';

/** The name of one of the server's services. */
export type ServiceName = keyof Services;

/** A migration class; its name ends in the 13-digit timestamp that orders it. */
export type MigrationClass = new () => MigrationInterface;

/** What every module's service factory gets: the database, the engine and the start-up options. */
export interface SharedDeps {
  dataSource: DataSource;
  engine: ProcessEngine;
  options: ServiceOptions;
}

/**
 * One server feature as the app composes it: the tables it maps and migrates, the services it
 * makes (from the shared dependencies and the services of modules listed before it), its HTTP
 * routers and its consumers of the engine's events. Every part is optional.
 */
export interface FeatureModule {
  /** Names the module in start-up errors and tests. */
  name: string;
  /** The entity classes it maps. */
  entities?: readonly (abstract new (...args: never[]) => unknown)[];
  /** Its migrations; the registry runs every module's, by timestamp. */
  migrations?: readonly MigrationClass[];
  /** The services of earlier modules its factory uses. */
  needs?: readonly ServiceName[];
  /** The services its factory makes, exactly. */
  makes?: readonly ServiceName[];
  services?: (deps: SharedDeps & Services) => Partial<Services>;
  /** Routers that read raw files, mounted before the JSON body parser. */
  fileRoutes?: (services: Services) => Router[];
  /** Its JSON API routers, in the order they are tried. */
  routes?: (services: Services, options: RouterOptions) => Router[];
  /** Its consumers of the engine event feed (their order across modules is `FEED_ORDER`). */
  feed?: (services: Services) => FeedConsumer[];
}

/** A module whose service factory is typed by what it declares it needs and makes. */
export type TypedFeatureModule<Needs extends ServiceName, Makes extends ServiceName> = Omit<FeatureModule, 'needs' | 'makes' | 'services'> & {
  needs?: readonly Needs[];
  makes?: readonly Makes[];
  services?: (deps: SharedDeps & Pick<Services, Needs>) => Pick<Services, Makes>;
};

/** Declares a feature module: the factory sees only the services it names in `needs` and must return those in `makes`. */
export function defineModule<const Needs extends ServiceName = never, const Makes extends ServiceName = never>(module: TypedFeatureModule<Needs, Makes>): TypedFeatureModule<Needs, Makes> & FeatureModule {
  return module;
}
