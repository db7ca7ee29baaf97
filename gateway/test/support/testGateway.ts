import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { createConnection } from 'mysql2/promise';
import { startStandaloneEngine, type GatewayLimits, type StandaloneEngine } from '../../src';

/** Where a test gateway keeps its state. */
export type TestStore = 'memory' | 'sqlite' | 'mariadb';

const mysqlServer = (process.env.TEST_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/$/, '');

/** The stores every store-sensitive test runs on: MariaDB unless TEST_MYSQL=off. */
export const testStores: TestStore[] = process.env.TEST_MYSQL === 'off' ? ['memory', 'sqlite'] : ['memory', 'sqlite', 'mariadb'];

/** A fresh MariaDB database for one gateway, and its drop. */
async function mariadbDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `df_gateway_${randomBytes(6).toString('hex')}`;
  const server = mysqlServer.replace(/^mariadb:/, 'mysql:');
  const admin = await createConnection(server);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: `${mysqlServer}/${name}`,
    drop: async () => {
      const c = await createConnection(server);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** A gateway started in process on a free port, with its engine. */
export interface TestGateway extends StandaloneEngine {
  address: string;
  /** The REST API's base address, without /v2. */
  restAddress: string;
}

/** Starts the standalone engine on a free port: in memory, on SQLite in a temp directory, or on a fresh MariaDB database; all removed on close. */
export async function startTestGateway(store: TestStore = 'memory', limits: Partial<GatewayLimits> = {}): Promise<TestGateway> {
  const dir = store === 'sqlite' ? mkdtempSync(join(tmpdir(), 'df-gateway-')) : undefined;
  const mariadb = store === 'mariadb' ? await mariadbDatabase() : undefined;
  const running = await startStandaloneEngine({
    databaseUrl: dir ? `sqlite:${join(dir, 'engine.sqlite')}` : mariadb ? mariadb.url : 'memory:',
    grpc: { host: '127.0.0.1', port: 0, limits },
    rest: { host: '127.0.0.1', port: 0 },
    // short sweeps, so back-offs and buffered message expiry are seen quickly
    pollInterval: 100,
  });
  const close = running.close;
  return {
    ...running,
    address: `127.0.0.1:${running.grpcPort}`,
    restAddress: `http://127.0.0.1:${running.restPort}`,
    close: async () => {
      await close();
      if (dir) rmSync(dir, { recursive: true, force: true });
      await mariadb?.drop();
    },
  };
}

/** The official SDK's gRPC client on a plaintext gateway without OAuth. */
export function sdkGrpcClient(gateway: TestGateway, opts: { retry?: boolean } = {}) {
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${gateway.address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    // a short connection tolerance: the client's readiness timer would otherwise outlive the test by 3 s
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_WORKER_LONGPOLL_SECONDS: 2, ZEEBE_GRPC_CLIENT_RETRY: opts.retry ?? false, ZEEBE_GRPC_CLIENT_MAX_RETRY_TIMEOUT_SECONDS: 1, ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS: 100 },
  } as ConstructorParameters<typeof Camunda8>[0]);
  return c8.getZeebeGrpcApiClient();
}

/** A job type no other test uses, so tests sharing a gateway never take each other's jobs. */
export function uniqueType(name: string): string {
  return `${name}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The path of a fixture of this suite. */
export function fixture(name: string): string {
  return join(__dirname, '..', 'fixtures', name);
}
