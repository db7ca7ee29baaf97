import { EmbeddedEngine } from '@dealerflow/engine';
import { GatewayServer, type GatewayServerOptions } from '../GatewayServer';
import { DEFAULT_ENGINE_DATABASE_URL, openEngineStore } from './openEngineStore';

/** How the standalone engine runs. */
export interface StandaloneConfig {
  /** `memory:`, `sqlite:<file>`, `mysql://…` or `mariadb://…`. */
  databaseUrl: string;
  grpc: GatewayServerOptions;
  /** Real-time interval of the engine's timer and job sweep (ms). */
  pollInterval?: number;
}

/** A running standalone engine. */
export interface StandaloneEngine {
  engine: EmbeddedEngine;
  gateway: GatewayServer;
  /** The bound gRPC port. */
  grpcPort: number;
  /** Stops the gateway, then the engine, then releases the database. */
  close(): Promise<void>;
}

/** Reads the standalone configuration from the environment. */
export function configFromEnv(env: NodeJS.ProcessEnv): StandaloneConfig {
  const port = env.ZEEBE_GRPC_PORT === undefined ? 26500 : Number(env.ZEEBE_GRPC_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`ZEEBE_GRPC_PORT must be a port number, got "${env.ZEEBE_GRPC_PORT}"`);
  return { databaseUrl: env.ENGINE_DATABASE_URL ?? DEFAULT_ENGINE_DATABASE_URL, grpc: { host: env.ZEEBE_GRPC_HOST ?? '127.0.0.1', port } };
}

/** Opens the store, starts the engine and serves it over gRPC. */
export async function startStandaloneEngine(config: StandaloneConfig): Promise<StandaloneEngine> {
  const opened = await openEngineStore(config.databaseUrl);
  const engine = new EmbeddedEngine({ store: opened.store, pollInterval: config.pollInterval ?? 1000 });
  const gateway = new GatewayServer(engine, config.grpc);
  let grpcPort: number;
  try {
    grpcPort = await gateway.listen();
  } catch (error) {
    await engine.close();
    await opened.release();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    engine, gateway, grpcPort,
    close: () => (closed ??= (async () => {
      await gateway.close();
      await engine.close();
      await opened.release();
    })()),
  };
}
