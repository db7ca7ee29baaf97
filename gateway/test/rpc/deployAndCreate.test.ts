import { readFileSync } from 'node:fs';
import { fixture, sdkGrpcClient, startTestGateway, testStores, uniqueType, type TestGateway } from '../support/testGateway';

describe.each(testStores)('deploy, create and work over gRPC with the official SDK, state in %s', (store) => {
  let gateway: TestGateway;
  let zbc: ReturnType<typeof sdkGrpcClient>;

  beforeAll(async () => {
    gateway = await startTestGateway(store);
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

  it('deploys a process and answers its metadata; an unchanged resource keeps its version', async () => {
    const deployment = await zbc.deployResource({ processFilename: fixture('g_task.bpmn') });
    expect(deployment.key).toMatch(/^\d+$/);
    expect(deployment.deployments).toEqual([expect.objectContaining({ process: expect.objectContaining({ bpmnProcessId: 'g_task', version: 1, resourceName: expect.stringMatching(/g_task\.bpmn$/), tenantId: '<default>' }) })]);
    const again = await zbc.deployResource({ process: readFileSync(fixture('g_task.bpmn')), name: 'g_task.bpmn' });
    expect(again.deployments[0]).toMatchObject({ process: { bpmnProcessId: 'g_task', version: 1 } });
  });

  it('deploys a decision and answers its metadata', async () => {
    const deployment = await zbc.deployResource({ decisionFilename: fixture('g_rules.dmn') });
    expect(deployment.deployments).toEqual([expect.objectContaining({ decision: expect.objectContaining({ dmnDecisionId: 'g_tier', version: 1, decisionKey: expect.stringMatching(/^\d+$/) }) })]);
  });

  it('creates without result (the instance waits) and with result (a streaming worker completes it)', async () => {
    const jobType = uniqueType('create');
    const waiting = await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType, waits: true } });
    expect((await gateway.engine.getInstance(waiting.processInstanceKey)).state).toBe('ACTIVE');
    const done: string[] = [];
    const stream = await zbc.streamJobs({ type: jobType, worker: 'creator', timeout: 30_000, tenantIds: [], taskHandler: (job) => (done.push(job.processInstanceKey), job.complete({ worked: true })) });
    try {
      const result = await zbc.createProcessInstanceWithResult({ bpmnProcessId: 'g_task', variables: { jobType }, requestTimeout: 10_000 });
      expect(result).toMatchObject({ bpmnProcessId: 'g_task', version: 1, variables: { jobType, worked: true } });
      expect(done).toEqual(expect.arrayContaining([waiting.processInstanceKey, result.processInstanceKey]));
      expect(new Set(done).size).toBe(done.length);
    } finally {
      stream.close();
    }
  });
});
