import { eventually } from '../support/eventually';
import { orchestrationClient } from '../support/restClients';
import { fixture, sdkGrpcClient, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';

const NOW = { consistency: { waitUpToMs: 0 } };

describe('event subprocesses (message, timer and error starts, interrupting and not), with the official SDK', () => {
  let gateway: TestGateway;
  let zbc: ReturnType<typeof sdkGrpcClient>;
  let camunda: ReturnType<typeof orchestrationClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    zbc = sdkGrpcClient(gateway);
    camunda = orchestrationClient(gateway);
    await zbc.deployResource({ processFilename: fixture('g_event_sub.bpmn') });
  });
  afterEach(async () => {
    await camunda.resetClock();
  });
  afterAll(async () => {
    camunda.stopAllWorkers();
    await zbc.close();
    await gateway.close();
  });

  const tasksOf = async (key: string) => (await camunda.searchUserTasks({ filter: { processInstanceKey: key as never } }, NOW)).items;
  const state = async (key: string) => (await gateway.engine.getInstance(key)).state;

  /** An instance past its check job, waiting at the work task. */
  async function atWork(orderId: string): Promise<string> {
    const jobType = uniqueType('event-sub');
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'g_event_sub', variables: { orderId, jobType } });
    const { jobs } = await camunda.activateJobs({ type: jobType, maxJobsToActivate: 1, timeout: 30_000, requestTimeout: 5_000 });
    await camunda.completeJob({ jobKey: jobs[0]!.jobKey });
    expect((await tasksOf(processInstanceKey)).map((t) => t.elementId)).toEqual(['work']);
    return processInstanceKey;
  }

  it('an interrupting message start ends the work in progress and runs the event subprocess, which ends the instance', async () => {
    const key = await atWork('ORD-1');
    await zbc.publishMessage({ name: 'order-cancelled', correlationKey: 'ORD-1', variables: { reason: 'customer withdrew' } });
    const tasks = await tasksOf(key);
    expect(tasks.map((t) => t.elementId)).toEqual(['handleCancel']);
    expect((await gateway.engine.getInstance(key)).variables).toMatchObject({ reason: 'customer withdrew' });
    const [sub] = (await camunda.searchElementInstances({ filter: { processInstanceKey: key as never, elementId: 'onCancel' as never } }, NOW)).items!;
    expect(sub).toMatchObject({ type: 'EVENT_SUB_PROCESS', state: 'ACTIVE' });

    await camunda.completeUserTask({ userTaskKey: tasks[0]!.userTaskKey });
    expect(await state(key)).toBe('COMPLETED');
  });

  it('a non-interrupting timer start runs beside the work, which goes on; the instance ends once both are done', async () => {
    const key = await atWork('ORD-2');
    await camunda.pinClock({ timestamp: Date.now() + 2 * 3600_000 });
    await eventually(async () => expect((await tasksOf(key)).map((t) => t.elementId).sort()).toEqual(['remind', 'work']));

    const byElement = async (id: string) => (await tasksOf(key)).find((t) => t.elementId === id)!;
    await camunda.completeUserTask({ userTaskKey: (await byElement('work')).userTaskKey });
    expect(await state(key)).toBe('ACTIVE');
    await camunda.completeUserTask({ userTaskKey: (await byElement('remind')).userTaskKey });
    expect(await state(key)).toBe('COMPLETED');

    // its subscriptions ended with it: a later cancellation message finds nothing waiting
    await expect(camunda.correlateMessage({ name: 'order-cancelled', correlationKey: 'ORD-2' })).rejects.toMatchObject({ status: 404 });
  });

  it('an error event subprocess catches a BPMN error thrown by a job that has no boundary event', async () => {
    const jobType = uniqueType('event-sub-error');
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'g_event_sub', variables: { orderId: 'ORD-3', jobType } });
    const { jobs } = await camunda.activateJobs({ type: jobType, maxJobsToActivate: 1, timeout: 30_000, requestTimeout: 5_000 });
    await zbc.throwError({ jobKey: jobs[0]!.jobKey, errorCode: 'CREDIT_DENIED', errorMessage: 'over the limit' });
    expect((await tasksOf(processInstanceKey)).map((t) => t.elementId)).toEqual(['handleDenied']);
    const [check] = (await camunda.searchElementInstances({ filter: { processInstanceKey: processInstanceKey as never, elementId: 'check' as never } }, NOW)).items!;
    expect(check!.state).toBe('TERMINATED');
  });

  it('cancelling the instance ends its event subprocess subscriptions', async () => {
    const key = await atWork('ORD-4');
    await zbc.cancelProcessInstance(key);
    await expect(camunda.correlateMessage({ name: 'order-cancelled', correlationKey: 'ORD-4' })).rejects.toMatchObject({ status: 404 });
  });
});
