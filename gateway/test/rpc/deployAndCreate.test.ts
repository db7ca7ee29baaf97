import { fixture, sdkGrpcClient, startTestGateway, type TestGateway } from '../support/testGateway';

describe('deploy and create over gRPC with the official SDK', () => {
  let gateway: TestGateway;
  let zbc: ReturnType<typeof sdkGrpcClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    zbc = sdkGrpcClient(gateway);
  });
  afterAll(async () => {
    await zbc.close();
    await gateway.close();
  });

  it('reports one healthy broker leading one partition, version 8.8', async () => {
    const topology = await zbc.topology();
    expect(topology).toMatchObject({ clusterSize: 1, partitionsCount: 1, replicationFactor: 1, gatewayVersion: expect.stringMatching(/^8\.8\./) });
    expect(topology.brokers[0].partitions).toEqual([expect.objectContaining({ partitionId: 1, role: 'LEADER', health: 'HEALTHY' })]);
  });

  it('deploys a process and answers its metadata', async () => {
    const deployment = await zbc.deployResource({ processFilename: fixture('g_task.bpmn') });
    expect(deployment.key).toMatch(/^\d+$/);
    expect(deployment.deployments).toEqual([expect.objectContaining({ process: expect.objectContaining({ bpmnProcessId: 'g_task', version: 1, resourceName: expect.stringMatching(/g_task\.bpmn$/), tenantId: '<default>' }) })]);
  });
});
