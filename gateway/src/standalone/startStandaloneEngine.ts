import { EmbeddedEngine, type GlobalTaskListener } from '@dealerflow/engine';
import { GATEWAY_VERSION, GatewayServer, type GatewayServerOptions } from '../GatewayServer';
import { RestServer } from '../rest/RestServer';
import { InFlightBound } from '../rpc/InFlightBound';
import { globalListenersFromEnv } from './globalListenersFromEnv';
import { DEFAULT_ENGINE_DATABASE_URL, openEngineStore } from './openEngineStore';

/** How the standalone engine runs. */
export interface StandaloneConfig {
  /** `memory:`, `sqlite:<file>`, `mysql://…` or `mariadb://…`. */
  databaseUrl: string;
  grpc: GatewayServerOptions;
  /** The REST API; not served when absent. */
  rest?: { host?: string; port?: number };
  /** Real-time interval of the engine's timer and job sweep (ms). */
  pollInterval?: number;
  /** User task listeners for every user task. */
  taskListeners?: GlobalTaskListener[];
}

/** A running standalone engine. */
export interface StandaloneEngine {
  engine: EmbeddedEngine;
  gateway: GatewayServer;
  /** The in-flight bound both servers admit commands under. */
  inFlight: InFlightBound;
  /** The bound gRPC port. */
  grpcPort: number;
  /** The REST server and its bound port, when served. */
  rest?: RestServer;
  restPort?: number;
  /** Stops the REST server and the gateway, then the engine, then releases the database. */
  close(): Promise<void>;
}

/** Reads the standalone configuration from the environment. */
export function configFromEnv(env: NodeJS.ProcessEnv): StandaloneConfig {
  const port = env.ZEEBE_GRPC_PORT === undefined ? 26500 : Number(env.ZEEBE_GRPC_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`ZEEBE_GRPC_PORT must be a port number, got "${env.ZEEBE_GRPC_PORT}"`);
  const restPort = env.ZEEBE_REST_PORT === undefined ? 8080 : Number(env.ZEEBE_REST_PORT);
  if (!Number.isInteger(restPort) || restPort < 0 || restPort > 65535) throw new Error(`ZEEBE_REST_PORT must be a port number, got "${env.ZEEBE_REST_PORT}"`);
  const host = env.ZEEBE_GRPC_HOST ?? '127.0.0.1';
  const taskListeners = globalListenersFromEnv(env);
  return { databaseUrl: env.ENGINE_DATABASE_URL ?? DEFAULT_ENGINE_DATABASE_URL, grpc: { host, port }, rest: { host: env.ZEEBE_REST_HOST ?? host, port: restPort }, ...(taskListeners.length > 0 ? { taskListeners } : {}) };
}

/** Opens the store, starts the engine and serves it over gRPC and, when configured, REST. */
export async function startStandaloneEngine(config: StandaloneConfig): Promise<StandaloneEngine> {
  const opened = await openEngineStore(config.databaseUrl);
  const engine = new EmbeddedEngine({ store: opened.store, pollInterval: config.pollInterval ?? 1000, taskListeners: config.taskListeners ?? [] });
  // one bound for the engine, whichever protocol a command comes by
  const inFlight = config.grpc.inFlight ?? new InFlightBound(config.grpc.limits?.maxInFlight ?? 1000);
  const gateway = new GatewayServer(engine, { ...config.grpc, inFlight });
  const rest = config.rest && new RestServer(engine, { ...config.rest, version: GATEWAY_VERSION, inFlight });
  let grpcPort: number;
  let restPort: number | undefined;
  try {
    grpcPort = await gateway.listen();
    restPort = await rest?.listen();
  } catch (error) {
    await rest?.close();
    await gateway.close();
    await engine.close();
    await opened.release();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    engine, gateway, inFlight, grpcPort, ...(rest ? { rest, restPort } : {}),
    close: () => (closed ??= (async () => {
      await Promise.all([rest?.close(), gateway.close()]);
      await engine.close();
      await opened.release();
    })()),
  };
}
