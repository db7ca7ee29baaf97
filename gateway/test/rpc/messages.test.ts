import { eventually } from '../support/eventually';
import { fixture, sdkGrpcClient, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';

describe('messages over gRPC with the official SDK', () => {
  let gateway: TestGateway;
  let zbc: ReturnType<typeof sdkGrpcClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    zbc = sdkGrpcClient(gateway);
    await zbc.deployResource({ processFilename: fixture('g_message.bpmn') });
  });
  afterAll(async () => {
    await zbc.close();
    await gateway.close();
  });

  const instance = (key: string) => gateway.engine.getInstance(key);

  it('a message with a time to live is buffered and received by an instance created later', async () => {
    const orderId = uniqueType('order');
    const published = await zbc.publishMessage({ name: 'g-paid', correlationKey: orderId, variables: { amount: 250 }, timeToLive: 60_000 });
    expect(published.key).toMatch(/^\d+$/);
    expect(published.tenantId).toBe('<default>');
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'g_message', variables: { orderId } });
    await eventually(async () => expect(await instance(created.processInstanceKey)).toMatchObject({ state: 'COMPLETED', variables: { amount: 250 } }));
  });

  it('a buffered message is received once per process: a second instance keeps waiting', async () => {
    const orderId = uniqueType('order');
    await zbc.publishMessage({ name: 'g-paid', correlationKey: orderId, variables: {}, timeToLive: 60_000 });
    const first = await zbc.createProcessInstance({ bpmnProcessId: 'g_message', variables: { orderId } });
    const second = await zbc.createProcessInstance({ bpmnProcessId: 'g_message', variables: { orderId } });
    await eventually(async () => expect((await instance(first.processInstanceKey)).state).toBe('COMPLETED'));
    expect((await instance(second.processInstanceKey)).state).toBe('ACTIVE');
  });

  it('a message without a time to live reaches only instances already waiting', async () => {
    const orderId = uniqueType('order');
    await zbc.publishMessage({ name: 'g-paid', correlationKey: orderId, variables: {}, timeToLive: 0 });
    const later = await zbc.createProcessInstance({ bpmnProcessId: 'g_message', variables: { orderId } });
    expect((await instance(later.processInstanceKey)).state).toBe('ACTIVE');
  });

  it('a message whose time to live ran out is no longer received', async () => {
    const orderId = uniqueType('order');
    await zbc.publishMessage({ name: 'g-paid', correlationKey: orderId, variables: {}, timeToLive: 200 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const later = await zbc.createProcessInstance({ bpmnProcessId: 'g_message', variables: { orderId } });
    expect((await instance(later.processInstanceKey)).state).toBe('ACTIVE');
  });

  it('a repeated messageId answers ALREADY_EXISTS and is not correlated twice', async () => {
    const orderId = uniqueType('order');
    const messageId = uniqueType('msg');
    await zbc.publishMessage({ name: 'g-paid', correlationKey: orderId, messageId, variables: { n: 1 }, timeToLive: 60_000 });
    await expect(zbc.publishMessage({ name: 'g-paid', correlationKey: orderId, messageId, variables: { n: 2 }, timeToLive: 60_000 }))
      .rejects.toThrow(/ALREADY_EXISTS.*a message with that id was already published/);
    const first = await zbc.createProcessInstance({ bpmnProcessId: 'g_message', variables: { orderId } });
    const second = await zbc.createProcessInstance({ bpmnProcessId: 'g_message', variables: { orderId } });
    await eventually(async () => expect(await instance(first.processInstanceKey)).toMatchObject({ state: 'COMPLETED', variables: { n: 1 } }));
    expect((await instance(second.processInstanceKey)).state).toBe('ACTIVE');
  });
});
