import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/** A database a test suite runs against, created empty and removed afterwards. */
export interface TestDatabase {
  kind: 'sqlite' | 'mariadb';
  /** Creates a fresh empty database and returns its DATABASE_URL. */
  create(): Promise<string>;
  /** Removes what create() made. */
  drop(): Promise<void>;
}

const mysqlServer = process.env.TEST_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';

function sqlite(): TestDatabase {
  let dir: string | undefined;
  return {
    kind: 'sqlite',
    async create() {
      dir = mkdtempSync(join(tmpdir(), 'dealerflow-test-'));
      return `sqlite:${join(dir, 'test.sqlite')}`;
    },
    async drop() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function mariadb(): TestDatabase {
  const name = `df_test_${randomBytes(6).toString('hex')}`;
  const admin = () => createConnection(mysqlServer.replace(/^mariadb:/, 'mysql:')).catch((error: Error) => {
    throw new Error(`MariaDB at ${mysqlServer} is not reachable (${error.message}). Start it, set TEST_MYSQL_URL, or set TEST_MYSQL=off to skip the MariaDB runs.`);
  });
  return {
    kind: 'mariadb',
    async create() {
      const connection = await admin();
      await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await connection.end();
      return `${mysqlServer.replace(/\/$/, '')}/${name}`;
    },
    async drop() {
      const connection = await admin();
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/** The databases every database test runs on: SQLite always, MariaDB unless TEST_MYSQL=off. */
export function testDatabases(): [string, () => TestDatabase][] {
  const all: [string, () => TestDatabase][] = [['sqlite', sqlite]];
  if (process.env.TEST_MYSQL !== 'off') all.push(['mariadb', mariadb]);
  return all;
}
