import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import type { ServerEngine } from '../ServerEngine';
import { ActorAwareZeebeEngine } from './ActorAwareZeebeEngine';
import { zeebeFeed } from './zeebeFeed';

const TOPOLOGY_TIMEOUT_MS = 2_000;

/**
 * A gateway compatible with Camunda 8 (our standalone engine, or a Camunda 8 cluster), driven
 * through the port's adapter. The engine keeps its own state, so there is nothing to backfill:
 * what the server needs arrives through the feed.
 */
export function zeebeEngine(config: Pick<Config, 'zeebeGrpcAddress' | 'zeebeRestAddress' | 'zeebeTaskListenerType'>, dataSource: DataSource): ServerEngine {
  const { zeebeGrpcAddress: grpcAddress, zeebeRestAddress: restAddress } = config;
  if (!grpcAddress || !restAddress) throw new Error('ENGINE=zeebe needs ZEEBE_GRPC_ADDRESS and ZEEBE_REST_ADDRESS');
  const engine = new ActorAwareZeebeEngine({ grpcAddress, restAddress, userTaskListenerType: config.zeebeTaskListenerType, workerName: 'dealerflow-server' });
  return {
    engine,
    feed: (feed) => zeebeFeed(engine, dataSource, feed, engine.taskActors),
    health: () => topologyAnswers(restAddress),
    backfill: () => Promise.resolve(null),
  };
}

/** 'up' when the gateway answers its topology, else 'down'. */
async function topologyAnswers(restAddress: string): Promise<string> {
  try {
    const response = await fetch(`${restAddress.replace(/\/+$/, '')}/v2/topology`, { signal: AbortSignal.timeout(TOPOLOGY_TIMEOUT_MS) });
    return response.ok ? 'up' : 'down';
  } catch {
    return 'down';
  }
}
