import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EmbeddedEngine, MemoryStore } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/createDataSource';
import { migrations } from '../../src/db/migrations';
import { FEED_ORDER, feedConsumers } from '../../src/engine/serverEventFeed';
import { apiRouters, fileRouters } from '../../src/http/apiRouters';
import type { FeatureModule } from '../../src/modules/FeatureModule';
import { featureModules } from '../../src/modules/featureModules';
import { makeServices } from '../../src/modules/makeServices';
import { migrationTimestamp } from '../../src/modules/migrationOrder';
import { createServices, type ServiceOptions, type Services } from '../../src/services';

const SRC = join(__dirname, '..', '..', 'src');
const options: ServiceOptions = { sessionMaxAgeMs: 60_000, attachmentsDir: '/nonexistent', pluginTypes: [], webhooks: { allowedHosts: [], secretKey: 'k'.repeat(32) } };

/** Every migration file under the server's sources, as paths from `src`. */
function migrationFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return migrationFiles(path);
    return /^\d{13}-\w+\.ts$/.test(entry.name) ? [relative(SRC, path)] : [];
  });
}

describe('the feature modules', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openDatabase('sqlite::memory:');
  });
  afterAll(() => dataSource.destroy());
  const services = (): Services => createServices(dataSource, new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 }), options);

  it('have one name each', () => {
    const names = featureModules.map((module) => module.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('run every migration file in the sources, once, oldest first', () => {
    const files = migrationFiles();
    expect(files.length).toBeGreaterThan(40);
    // each file's timestamp and name are those of the class a module lists
    const listed = migrations.map((migration) => `${migrationTimestamp(migration)}-${migration.name.replace(/\d{13}$/, '')}`);
    expect(files.map((file) => file.replace(/^.*\//, '').replace(/\.ts$/, '')).sort()).toEqual([...listed].sort());
    expect(listed).toEqual([...listed].sort());
    const stamps = migrations.map(migrationTimestamp);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('map every entity once', () => {
    const entities = featureModules.flatMap((module) => module.entities ?? []);
    expect(entities.filter((entity, i) => entities.indexOf(entity) !== i)).toEqual([]);
  });

  it('are listed after the modules making the services they need', () => {
    const made = new Set<string>(['dataSource', 'engine']);
    const late: string[] = [];
    for (const module of featureModules) {
      late.push(...(module.needs ?? []).filter((name) => !made.has(name)).map((name) => `${module.name} needs ${name}`));
      (module.makes ?? []).forEach((name) => made.add(name));
    }
    expect(late).toEqual([]);
  });

  it('make every service, each by one module', () => {
    const made = services();
    const declared = featureModules.flatMap((module) => module.makes ?? []);
    expect(Object.keys(made).sort()).toEqual(['dataSource', 'engine', ...declared].sort());
    expect(Object.values(made).filter((service) => service === undefined)).toEqual([]);
  });

  it('stop the start-up, naming the module, when one needs a service no module before it makes', () => {
    const early: FeatureModule = { name: 'early', needs: ['audit'], makes: [], services: () => ({}) };
    expect(() => makeServices([early, ...featureModules], { dataSource, engine: new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 }), options })).toThrow('module early needs audit, which no module before it makes');
  });

  it('stop the start-up when a module makes other services than it declares', () => {
    const liar: FeatureModule = { name: 'liar', makes: ['kpi'], services: () => ({}) };
    expect(() => makeServices([liar], { dataSource, engine: new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 }), options })).toThrow('module liar makes nothing but declares kpi');
  });

  it('hand engine events to their consumers in the feed order', () => {
    expect(feedConsumers(services()).map((consumer) => consumer.name)).toEqual([...FEED_ORDER]);
  });

  it('refuse a feed consumer the feed order does not name', () => {
    const stray: FeatureModule = { name: 'stray', feed: () => [{ name: 'stray', types: [], once: 'natural', consume: async () => undefined }] };
    expect(() => feedConsumers(services(), [...featureModules, stray])).toThrow(/do not match its order/);
  });

  // (one path may have methods in two modules, e.g. listing instances and starting one: a wrong method gets the same 405 either way)
  it('answer each method and path from one module only, so the order their routers are tried in changes nothing', () => {
    const made = services();
    const routers = featureModules.flatMap((module) => [
      ...(module.fileRoutes?.(made) ?? []).map((router) => ({ module: module.name, router })),
      ...(module.routes?.(made, { engine: { name: 'embedded', check: async () => 'up' }, secureCookies: false }) ?? []).map((router) => ({ module: module.name, router })),
    ]);
    expect(routers.length).toBe(apiRouters(made, { engine: { name: 'embedded', check: async () => 'up' }, secureCookies: false }).length + fileRouters(made).length);
    const layers = routers.flatMap(({ module, router }) => router.stack.map((layer) => ({ module, layer })));
    const shared = layers.flatMap((a) => layers.filter((b) => b.module !== a.module && b.layer.methods.some((method) => a.layer.methods.includes(method)) && typeof b.layer.path === 'string' && a.layer.match(b.layer.path as string)).map((b) => `${a.module} ${String(a.layer.path)} answers ${b.module} ${String(b.layer.path)}`));
    expect(shared).toEqual([]);
  });
});
