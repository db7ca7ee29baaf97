import type { UnaryRpc } from './Rpc';

/** One broker leading one partition: the smallest shape the official clients accept. */
export const topology: UnaryRpc<object> = {
  kind: 'unary',
  async handle(_request, { advertised }) {
    const partitions = [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }];
    return {
      brokers: [{ nodeId: 0, host: advertised.host, port: advertised.port, partitions, version: advertised.version }],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: advertised.version,
    };
  },
};
