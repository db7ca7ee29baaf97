import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { engineEntities, engineMigrations, MemoryStore, TypeOrmStore, type EngineStore } from '@dealerflow/engine';
import { DataSource, type DataSourceOptions } from 'typeorm';

/** The default state location of the standalone engine. */
export const DEFAULT_ENGINE_DATABASE_URL = 'sqlite:./data/engine.sqlite';

/** TypeORM options for `sqlite:<file>`, `mysql://…` or `mariadb://…`. */
export function engineDataSourceOptions(url: string): DataSourceOptions {
  const common = { entities: engineEntities, migrations: engineMigrations, synchronize: false, migrationsRun: false, logging: false };
  if (url.startsWith('sqlite:')) {
    const database = url.slice('sqlite:'.length);
    if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
    return {
      ...common, type: 'better-sqlite3', database, enableWAL: database !== ':memory:',
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('synchronous = NORMAL');
      },
    };
  }
  const scheme = /^(mysql|mariadb):\/\//.exec(url)?.[1] as 'mysql' | 'mariadb' | undefined;
  if (scheme) {
    // the scheme picks TypeORM's dialect; MariaDB reports column defaults differently from MySQL
    return { ...common, type: scheme, url: url.replace(/^mariadb:/, 'mysql:'), charset: 'utf8mb4_unicode_ci', timezone: 'Z', supportBigNumbers: true, bigNumberStrings: true };
  }
  throw new Error(`ENGINE_DATABASE_URL must be memory:, sqlite:<file>, mysql://… or mariadb://…, got "${url}"`);
}

/** An open store and how to release its database once the engine is closed. */
export interface OpenedStore {
  store: EngineStore;
  release(): Promise<void>;
}

/** Opens the engine's store: `memory:` keeps nothing; SQL databases get the engine's migrations first. */
export async function openEngineStore(url: string): Promise<OpenedStore> {
  if (url === 'memory:') return { store: new MemoryStore(), release: async () => undefined };
  const dataSource = new DataSource(engineDataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return { store: new TypeOrmStore(dataSource), release: () => dataSource.destroy() };
}
