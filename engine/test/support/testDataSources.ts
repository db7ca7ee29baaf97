import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { engineEntities, engineMigrations } from '../../src';

/** A fresh database for one test file: options to open it (any number of times) and a drop. */
export interface TestDatabase {
  kind: 'sqlite' | 'mariadb';
  options(): DataSourceOptions;
  drop(): Promise<void>;
}

const mysqlServer = (process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/^mariadb:/, 'mysql:').replace(/\/$/, '');
const common = { entities: engineEntities, migrations: engineMigrations, synchronize: false, logging: false } as const;

/** A SQLite file in a temp directory. */
export async function sqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'df-engine-'));
  const database = join(dir, 'engine.sqlite');
  return {
    kind: 'sqlite',
    options: () => ({
      ...common, type: 'better-sqlite3', database, enableWAL: true,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('synchronous = NORMAL');
      },
    }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A MariaDB database with a random name on TEST_MYSQL_URL. */
export async function mariadbDatabase(): Promise<TestDatabase> {
  const name = `df_test_${randomBytes(6).toString('hex')}`;
  const admin = await createConnection(mysqlServer);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    kind: 'mariadb',
    options: () => ({ ...common, type: 'mariadb', url: `${mysqlServer}/${name}`, charset: 'utf8mb4_unicode_ci', timezone: 'Z', supportBigNumbers: true, bigNumberStrings: true }),
    drop: async () => {
      const c = await createConnection(mysqlServer);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** The database kinds the SQL tests run on. */
export const databaseKinds: Array<[string, () => Promise<TestDatabase>]> = [['sqlite', sqliteDatabase], ['mariadb', mariadbDatabase]];

/** Opens a DataSource on a test database and applies the engine migrations. */
export async function openDataSource(db: TestDatabase): Promise<DataSource> {
  const ds = new DataSource(db.options());
  await ds.initialize();
  await ds.runMigrations();
  return ds;
}
