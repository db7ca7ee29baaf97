import type { DataSource } from 'typeorm';
import { StartupError, type Config } from '../../config';
import { feedFromOutside } from '../engineEventFeed';
import type { ServerEngine } from '../ServerEngine';
import { ActorAwareZeebeEngine } from './ActorAwareZeebeEngine';
import { syncInstances, type InstanceSync } from './instanceSync';
import { zeebeFeed } from './zeebeFeed';

const TOPOLOGY_TIMEOUT_MS = 2_000;
/** How often the active instances are read for their ends and incidents. */
const SYNC_INTERVAL_MS = 2_000;

/**
 * A gateway compatible with Camunda 8 (our standalone engine, or a Camunda 8 cluster), driven
 * through the port's adapter. The engine keeps its own state, so there is nothing to backfill:
 * user task events arrive as listener jobs (zeebeFeed), instance ends and incidents from reading
 * the active instances (syncInstances).
 */
export async function zeebeEngine(config: Pick<Config, 'zeebeGrpcAddress' | 'zeebeRestAddress' | 'zeebeTaskListenerType' | 'zeebeOAuth'>, dataSource: DataSource, onError: (error: unknown) => void): Promise<ServerEngine> {
  const { zeebeGrpcAddress: grpcAddress, zeebeRestAddress: restAddress } = config;
  if (!grpcAddress || !restAddress) throw new StartupError('ENGINE=zeebe needs ZEEBE_GRPC_ADDRESS and ZEEBE_REST_ADDRESS');
  const engine = new ActorAwareZeebeEngine({ grpcAddress, restAddress, userTaskListenerType: config.zeebeTaskListenerType, workerName: 'dealerflow-server', oauth: config.zeebeOAuth }, dataSource);
  // on a secured cluster, the first token now: wrong credentials stop the start with the token endpoint's answer
  await engine.authorization().catch(async (error: unknown) => {
    await engine.close().catch(() => undefined);
    throw new StartupError(error instanceof Error ? error.message : String(error));
  });
  const syncs: InstanceSync[] = [];
  return {
    engine,
    feed(feed) {
      const unsubscribe = zeebeFeed(engine, dataSource, feed, engine.taskActors);
      const sync = syncInstances(engine, dataSource, feedFromOutside(dataSource, feed), SYNC_INTERVAL_MS, onError);
      syncs.push(sync);
      return () => {
        unsubscribe();
        void sync.stop();
      };
    },
    health: () => topologyAnswers(restAddress, () => engine.authorization()),
    backfill: () => Promise.resolve(null),
    async close() {
      await Promise.all(syncs.map((sync) => sync.stop()));
      await engine.close();
    },
  };
}

/** 'up' when the gateway answers its topology, else 'down'. */
async function topologyAnswers(restAddress: string, authorization: () => Promise<Record<string, string>>): Promise<string> {
  try {
    const response = await fetch(`${restAddress.replace(/\/+$/, '')}/v2/topology`, { headers: await authorization(), signal: AbortSignal.timeout(TOPOLOGY_TIMEOUT_MS) });
    return response.ok ? 'up' : 'down';
  } catch {
    return 'down';
  }
}
