import { orchestrationClient } from '../support/restClients';
import { fixture, sdkGrpcClient, startTestGateway, type TestGateway } from '../support/testGateway';

const NOW = { consistency: { waitUpToMs: 0 } };

describe('BroadcastSignal with the official SDK (gRPC and REST): signal start, catch, boundary and throw events', () => {
  let gateway: TestGateway;
  let zbc: ReturnType<typeof sdkGrpcClient>;
  let camunda: ReturnType<typeof orchestrationClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    zbc = sdkGrpcClient(gateway);
    camunda = orchestrationClient(gateway);
    await zbc.deployResource({ processFilename: fixture('g_signals.bpmn') });
  });
  afterAll(async () => {
    camunda.stopAllWorkers();
    await zbc.close();
    await gateway.close();
  });

  const tasksOf = async (key: string) => (await camunda.searchUserTasks({ filter: { processInstanceKey: key as never } }, NOW)).items.map((t) => t.elementId);
  const instancesOf = async (processId: string) => gateway.engine.searchInstances({ bpmnProcessId: processId });

  it('a signal start event starts one instance per broadcast, with the signal variables', async () => {
    expect(await instancesOf('g_signal_start')).toHaveLength(0);
    const { key } = await zbc.broadcastSignal({ signalName: 'campaign-opened', variables: { campaign: 'RC-2026-07' } });
    expect(key).toMatch(/^\d+$/);
    const started = await instancesOf('g_signal_start');
    expect(started).toHaveLength(1);
    expect((await gateway.engine.getInstance(started[0]!.processInstanceKey)).variables).toEqual({ campaign: 'RC-2026-07' });
    expect(await tasksOf(started[0]!.processInstanceKey)).toEqual(['prepare']);

    // over REST as well
    const viaRest = await camunda.broadcastSignal({ signalName: 'campaign-opened', variables: { campaign: 'RC-2026-08' } });
    expect(viaRest).toMatchObject({ signalKey: expect.stringMatching(/^\d+$/), tenantId: '<default>' });
    expect(await instancesOf('g_signal_start')).toHaveLength(2);
  });

  it('an intermediate signal catch event waits for a broadcast, reaches every waiting instance, and misses an earlier one', async () => {
    await zbc.broadcastSignal({ signalName: 'recall-announced' });
    const a = (await zbc.createProcessInstance({ bpmnProcessId: 'g_signal_wait', variables: {} })).processInstanceKey;
    const b = (await zbc.createProcessInstance({ bpmnProcessId: 'g_signal_wait', variables: {} })).processInstanceKey;
    // signals are not buffered: the broadcast before the instances reached neither
    expect(await tasksOf(a)).toEqual([]);

    await zbc.broadcastSignal({ signalName: 'recall-announced', variables: { recall: 'brake hoses' } });
    expect(await tasksOf(a)).toEqual(['inspect']);
    expect(await tasksOf(b)).toEqual(['inspect']);
    expect((await gateway.engine.getInstance(a)).variables).toEqual({ recall: 'brake hoses' });
  });

  it('an interrupting signal boundary event ends its task and takes its own path', async () => {
    const key = (await zbc.createProcessInstance({ bpmnProcessId: 'g_signal_boundary', variables: {} })).processInstanceKey;
    expect(await tasksOf(key)).toEqual(['repair']);
    await camunda.broadcastSignal({ signalName: 'stop-work' });
    expect(await tasksOf(key)).toEqual(['stopped']);
    const repair = (await camunda.searchElementInstances({ filter: { processInstanceKey: key as never, elementId: 'repair' as never } }, NOW)).items![0]!;
    expect(repair.state).toBe('TERMINATED');
  });

  it('a signal throw event broadcasts to the instances that wait for it', async () => {
    const waiting = (await zbc.createProcessInstance({ bpmnProcessId: 'g_signal_wait', variables: {} })).processInstanceKey;
    const thrower = (await zbc.createProcessInstance({ bpmnProcessId: 'g_signal_throw', variables: {} })).processInstanceKey;
    expect((await gateway.engine.getInstance(thrower)).state).toBe('COMPLETED');
    expect(await tasksOf(waiting)).toEqual(['inspect']);
  });

  it('refuses a broadcast without a signal name', async () => {
    await expect(zbc.broadcastSignal({ signalName: '' })).rejects.toMatchObject({ code: 3 });
    await expect(camunda.broadcastSignal({ signalName: '' })).rejects.toMatchObject({ status: 400 });
  });
});
