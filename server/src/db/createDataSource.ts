import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { engineEntities, engineMigrations } from '@dealerflow/engine';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { entities } from '../entities';
import { migrations } from './migrations';
import { PooledDataSource } from './PooledDataSource';
import { SerializedDataSource } from './SerializedDataSource';

/** Turns `DATABASE_URL` into TypeORM options: `sqlite:<file>` (or `sqlite::memory:`), `mysql://` or `mariadb://`. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  // The embedded engine keeps its state in the same database, so one transaction can hold an
  // engine step and the inbox projection and audit entries its events cause.
  const common = { entities: [...entities, ...engineEntities], migrations: [...migrations, ...engineMigrations], synchronize: false, migrationsRun: false, logging: false };
  if (databaseUrl.startsWith('sqlite:')) {
    const database = databaseUrl.slice('sqlite:'.length);
    if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database,
      enableWAL: database !== ':memory:',
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
        db.pragma('synchronous = NORMAL');
      },
    };
  }
  const scheme = /^(mysql|mariadb):\/\//.exec(databaseUrl)?.[1] as 'mysql' | 'mariadb' | undefined;
  if (scheme) {
    // The scheme picks TypeORM's dialect: MariaDB reports column defaults differently from MySQL.
    return {
      ...common,
      type: scheme,
      url: databaseUrl.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: true,
      extra: { connectionLimit: 20 },
    };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or mysql://, got "${databaseUrl}"`);
}

/** Connects and applies pending migrations. SQLite gets a DataSource that queues its transactions, MySQL one that guards its pool. */
export async function openDatabase(databaseUrl: string): Promise<DataSource> {
  const options = dataSourceOptions(databaseUrl);
  const dataSource = options.type === 'better-sqlite3' ? new SerializedDataSource(options) : new PooledDataSource(options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
