import { ZBClient } from 'zeebe-node';
import { eventually } from './support/eventually';
import { fixture, startTestGateway, uniqueType, type TestGateway } from './support/testGateway';

describe('zeebe-node 8.3, the deprecated client older workers use', () => {
  let gateway: TestGateway;
  let zbc: ZBClient;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    zbc = new ZBClient(gateway.address, { useTLS: false, loglevel: 'NONE', retry: false, connectionTolerance: 100, longPoll: 2000 });
    await zbc.deployResource({ processFilename: fixture('g_task.bpmn') });
    await zbc.deployResource({ processFilename: fixture('g_message.bpmn') });
  });
  afterAll(async () => {
    await zbc.close();
    await gateway.close();
  });

  it('reads the topology', async () => {
    await expect(zbc.topology()).resolves.toMatchObject({ clusterSize: 1, partitionsCount: 1 });
  });

  it('creates an instance that a worker completes, exactly once', async () => {
    const jobType = uniqueType('legacy');
    const seen: string[] = [];
    const worker = zbc.createWorker({ taskType: jobType, taskHandler: (job) => (seen.push(job.key), job.complete({ legacy: (job.variables as { n: number }).n + 1 })) });
    try {
      const created = await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType, n: 1 } });
      await eventually(async () => expect(await gateway.engine.getInstance(created.processInstanceKey)).toMatchObject({ state: 'COMPLETED', variables: { legacy: 2 } }));
      expect(seen).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });

  it('creates with result', async () => {
    const jobType = uniqueType('legacy-result');
    const worker = zbc.createWorker({ taskType: jobType, taskHandler: (job) => job.complete({ answer: 42 }) });
    try {
      const result = await zbc.createProcessInstanceWithResult({ bpmnProcessId: 'g_task', variables: { jobType }, requestTimeout: 10_000 });
      expect(result.variables).toMatchObject({ answer: 42 });
    } finally {
      await worker.close();
    }
  });

  it('publishes a message that a waiting instance receives', async () => {
    const orderId = uniqueType('order');
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'g_message', variables: { orderId } });
    await zbc.publishMessage({ name: 'g-paid', correlationKey: orderId, variables: { via: 'zeebe-node' }, timeToLive: 10_000 });
    await eventually(async () => expect(await gateway.engine.getInstance(created.processInstanceKey)).toMatchObject({ state: 'COMPLETED', variables: { via: 'zeebe-node' } }));
  });
});
