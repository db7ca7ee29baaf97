import { eventually } from '../support/eventually';
import { orchestrationClient } from '../support/restClients';
import { fixture, sdkGrpcClient, startTestGateway, type TestGateway } from '../support/testGateway';

const NOW = { consistency: { waitUpToMs: 0 } };

describe('deploy accepts what Camunda 8 accepts (hand-written minimal models, with the official SDK)', () => {
  let gateway: TestGateway;
  let zbc: ReturnType<typeof sdkGrpcClient>;
  let camunda: ReturnType<typeof orchestrationClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('memory');
    zbc = sdkGrpcClient(gateway);
    camunda = orchestrationClient(gateway);
  });
  afterAll(async () => {
    camunda.stopAllWorkers();
    await zbc.close();
    await gateway.close();
  });

  const state = async (key: string) => (await gateway.engine.getInstance(key)).state;

  it('a model without diagram interchange, and a job type no plugin serves: a customer worker runs it', async () => {
    const deployed = await zbc.deployResource({ processFilename: fixture('g_no_di.bpmn') });
    expect(deployed.deployments).toHaveLength(1);
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'g_no_di', variables: { order: 7 } });
    const worker = zbc.createWorker({ taskType: 'acme-erp-sync', taskHandler: (job) => job.complete({ synced: true }) });
    try {
      await eventually(async () => expect(await state(processInstanceKey)).toBe('COMPLETED'));
      expect((await gateway.engine.getInstance(processInstanceKey)).variables).toEqual({ order: 7, synced: true });
    } finally {
      await worker.close();
    }
  });

  it('a diagram whose shapes point at elements that no longer exist: the diagram is ignored', async () => {
    await zbc.deployResource({ processFilename: fixture('g_dangling_di.bpmn') });
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'g_dangling_di', variables: {} });
    expect(await state(processInstanceKey)).toBe('COMPLETED');
  });

  it('a user task without assignment or form is created for anyone allowed to see it', async () => {
    await zbc.deployResource({ processFilename: fixture('g_unassigned.bpmn') });
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'g_unassigned', variables: {} });
    const { items } = await camunda.searchUserTasks({ filter: { processInstanceKey: processInstanceKey as never } }, NOW);
    expect(items).toEqual([expect.objectContaining({ elementId: 'check', name: 'Check the order', candidateGroups: [], candidateUsers: [], state: 'CREATED' })]);
    expect(items[0]!.assignee).toBeUndefined();
  });

  it('a receive task waits for its message', async () => {
    await zbc.deployResource({ processFilename: fixture('g_receive.bpmn') });
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'g_receive', variables: { invoiceId: 'INV-31' } });
    expect(await state(processInstanceKey)).toBe('ACTIVE');
    await zbc.publishMessage({ name: 'invoice-paid', correlationKey: 'INV-31', variables: { paidAt: '2026-12-01' } });
    expect(await state(processInstanceKey)).toBe('COMPLETED');
    const [receive] = (await camunda.searchElementInstances({ filter: { processInstanceKey: processInstanceKey as never, elementId: 'awaitPayment' as never } }, NOW)).items!;
    expect(receive).toMatchObject({ type: 'RECEIVE_TASK', state: 'COMPLETED' });
  });

  it('still refuses what cannot run, naming the element and the reason', async () => {
    const broken = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><bpmn:process id="g_broken" isExecutable="true"><bpmn:startEvent id="s" /><bpmn:receiveTask id="waitHere" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="waitHere" /></bpmn:process></bpmn:definitions>';
    await expect(zbc.deployResource({ process: Buffer.from(broken), name: 'g_broken.bpmn' })).rejects.toMatchObject({ code: 3, details: expect.stringMatching(/Element: waitHere\s+- ERROR: receive task has no message name/) });
  });
});
