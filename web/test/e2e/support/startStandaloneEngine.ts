import { join } from 'node:path';
import { exited, freePort, startEngineProcess } from '../../../../gateway/test/support/engineProcess';

/** The standalone engine (`npm run engine`) in its own process, and the server settings that point at it. */
export interface StandaloneEngine {
  /** ENGINE=zeebe with the gateway's gRPC and REST addresses, for the server's configuration. */
  env: Record<string, string>;
  /** Stops the engine gracefully and waits for it to exit. */
  close(): Promise<void>;
}

/**
 * Starts the standalone engine on free ports with its state in a SQLite file in `dataDir`,
 * with the global user task listener the server's inbox is fed by.
 */
export async function startStandaloneEngine(dataDir: string): Promise<StandaloneEngine> {
  const [grpcPort, restPort] = [await freePort(), await freePort()];
  const listenerType = 'dealerflow-user-task-events';
  const engine = await startEngineProcess({
    ZEEBE_GRPC_PORT: String(grpcPort), ZEEBE_REST_PORT: String(restPort), ENGINE_DATABASE_URL: `sqlite:${join(dataDir, 'engine.sqlite')}`,
    CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_TYPE: listenerType,
    CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_EVENTTYPES: 'creating,assigning,completing,canceling',
  });
  return {
    env: { ENGINE: 'zeebe', ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${grpcPort}`, ZEEBE_REST_ADDRESS: `http://127.0.0.1:${restPort}`, ZEEBE_TASK_LISTENER_TYPE: listenerType },
    async close() {
      engine.child.kill('SIGTERM');
      await exited(engine.child);
    },
  };
}
