import type { TopologyResponse } from '@camunda8/orchestration-cluster-api';
import type { RestRoute } from '../RestRoute';

/** GET /v2/topology: one broker leading one partition, with a version the official clients accept for REST; also the readiness answer. */
export const topologyRoutes: RestRoute[] = [{
  method: 'get',
  path: '/topology',
  async handle(ctx, { advertised }) {
    const body: TopologyResponse = {
      brokers: [{ nodeId: 0, host: advertised.host, port: advertised.port, version: advertised.version, partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }] }],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: advertised.version,
      lastCompletedChangeId: '-1',
    };
    ctx.body = body;
  },
}];
