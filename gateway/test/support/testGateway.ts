import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { startStandaloneEngine, type StandaloneEngine } from '../../src';

/** Where a test gateway keeps its state. */
export type TestStore = 'memory' | 'sqlite';

/** A gateway started in process on a free port, with its engine. */
export interface TestGateway extends StandaloneEngine {
  address: string;
}

/** Starts the standalone engine on a free port: in memory, or on SQLite in a temp directory removed on close. */
export async function startTestGateway(store: TestStore = 'memory'): Promise<TestGateway> {
  const dir = store === 'sqlite' ? mkdtempSync(join(tmpdir(), 'df-gateway-')) : undefined;
  const running = await startStandaloneEngine({
    databaseUrl: dir ? `sqlite:${join(dir, 'engine.sqlite')}` : 'memory:',
    grpc: { host: '127.0.0.1', port: 0 },
    // short sweeps, so back-offs and buffered message expiry are seen quickly
    pollInterval: 100,
  });
  const close = running.close;
  return {
    ...running,
    address: `127.0.0.1:${running.grpcPort}`,
    close: async () => {
      await close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The official SDK's gRPC client on a plaintext gateway without OAuth. */
export function sdkGrpcClient(gateway: TestGateway) {
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${gateway.address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    // a short connection tolerance: the client's readiness timer would otherwise outlive the test by 3 s
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_WORKER_LONGPOLL_SECONDS: 2, ZEEBE_GRPC_CLIENT_RETRY: false, ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS: 100 },
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
