import { orchestrationClient } from '../support/restClients';
import { fixture, sdkGrpcClient, startTestGateway, type TestGateway } from '../support/testGateway';

const NOW = { consistency: { waitUpToMs: 0 } };

describe('ModifyProcessInstance with the official SDK: a case goes back to an earlier step', () => {
  let gateway: TestGateway;
  let zbc: ReturnType<typeof sdkGrpcClient>;
  let camunda: ReturnType<typeof orchestrationClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    zbc = sdkGrpcClient(gateway);
    camunda = orchestrationClient(gateway);
    await zbc.deployResource({ processFilename: fixture('g_steps.bpmn') });
  });
  afterAll(async () => {
    camunda.stopAllWorkers();
    await zbc.close();
    await gateway.close();
  });

  const tasksOf = async (key: string) => (await camunda.searchUserTasks({ filter: { processInstanceKey: key as never } }, NOW)).items;
  const activeElement = async (key: string, elementId: string) =>
    (await camunda.searchElementInstances({ filter: { processInstanceKey: key as never, elementId: elementId as never, state: 'ACTIVE' } }, NOW)).items![0]!;

  /** An instance waiting at the later task (approve), its review done. */
  async function atApproval(variables: { amount: number } = { amount: 10 }): Promise<string> {
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'g_steps', variables });
    await camunda.completeUserTask({ userTaskKey: (await tasksOf(processInstanceKey))[0]!.userTaskKey });
    expect((await tasksOf(processInstanceKey)).map((t) => t.elementId)).toEqual(['approve']);
    return processInstanceKey;
  }

  it('moves a running instance from the later user task back to the earlier one: the earlier task is created again, the later one is gone', async () => {
    const key = await atApproval();
    const [approveTask] = await tasksOf(key);
    const approve = await activeElement(key, 'approve');

    await zbc.modifyProcessInstance({
      processInstanceKey: key,
      activateInstructions: [{ elementId: 'review', ancestorElementInstanceKey: '-1', variableInstructions: [{ scopeId: '', variables: { sentBack: true } }, { scopeId: 'review', variables: { note: 'check the VIN' } }] }],
      terminateInstructions: [{ elementInstanceKey: approve.elementInstanceKey }],
    });

    const tasks = await tasksOf(key);
    expect(tasks.map((t) => t.elementId)).toEqual(['review']);
    expect(tasks[0]!.userTaskKey).not.toBe(approveTask!.userTaskKey);
    expect((await camunda.getElementInstance({ elementInstanceKey: approve.elementInstanceKey }, NOW)).state).toBe('TERMINATED');
    const review = await activeElement(key, 'review');
    const vars = await camunda.searchVariables({ filter: { processInstanceKey: key as never } }, NOW);
    expect(vars.items.map((v) => [v.name, v.value, String(v.scopeKey) === String(review.elementInstanceKey) ? 'review' : String(v.scopeKey) === key ? 'process' : v.scopeKey]).sort())
      .toEqual([['amount', '10', 'process'], ['doubled', '20', 'review'], ['note', '"check the VIN"', 'review'], ['sentBack', 'true', 'process']]);

    // and the case runs on from there: review, approve, done
    await camunda.completeUserTask({ userTaskKey: tasks[0]!.userTaskKey });
    await camunda.completeUserTask({ userTaskKey: (await tasksOf(key))[0]!.userTaskKey });
    expect((await gateway.engine.getInstance(key)).state).toBe('COMPLETED');
  });

  it('terminating the last element instance ends the instance', async () => {
    const key = await atApproval();
    await zbc.modifyProcessInstance({ processInstanceKey: key, activateInstructions: [], terminateInstructions: [{ elementInstanceKey: (await activeElement(key, 'approve')).elementInstanceKey }] });
    expect((await gateway.engine.getInstance(key)).state).toBe('TERMINATED');
    expect(await tasksOf(key)).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown instance or element instance key, and INVALID_ARGUMENT naming the element and the reason', async () => {
    const key = await atApproval();
    const modify = (req: Partial<Parameters<typeof zbc.modifyProcessInstance>[0]>) => zbc.modifyProcessInstance({ processInstanceKey: key, activateInstructions: [], terminateInstructions: [], ...req });

    await expect(modify({ processInstanceKey: '2251799813685249' })).rejects.toMatchObject({ code: 5, details: expect.stringContaining("no process instance found with key '2251799813685249'") });
    await expect(modify({ terminateInstructions: [{ elementInstanceKey: '2251799813685250' }] }))
      .rejects.toMatchObject({ code: 5, details: expect.stringContaining("terminate instructions with an element instance that could not be found: '2251799813685250'") });
    await expect(modify({ activateInstructions: [{ elementId: 'nowhere', ancestorElementInstanceKey: '-1', variableInstructions: [] }] }))
      .rejects.toMatchObject({ code: 3, details: expect.stringMatching(/Command 'MODIFY' rejected with code 'INVALID_ARGUMENT'.*element that could not be found: 'nowhere'/) });
    await expect(modify({ activateInstructions: [{ elementId: 'start', ancestorElementInstanceKey: '-1', variableInstructions: [] }] }))
      .rejects.toMatchObject({ code: 3, details: expect.stringContaining("unsupported: 'start'. The activation of elements with type 'START_EVENT' is not supported") });
    await expect(modify({ activateInstructions: [{ elementId: 'review', ancestorElementInstanceKey: '-1', variableInstructions: [{ scopeId: 'approve', variables: {} }] }] }))
      .rejects.toMatchObject({ code: 3, details: expect.stringContaining("doesn't belong to the activating element's flow scope: 'approve'") });

    // a refused modification changed nothing
    expect((await tasksOf(key)).map((t) => t.elementId)).toEqual(['approve']);
  });

  it('does the same over REST (POST /v2/process-instances/{key}/modification) with the official client', async () => {
    const key = await atApproval();
    const approve = await activeElement(key, 'approve');
    await camunda.modifyProcessInstance({
      processInstanceKey: key as never,
      activateInstructions: [{ elementId: 'review' as never, variableInstructions: [{ variables: { sentBack: 'over REST' } }] }],
      terminateInstructions: [{ elementInstanceKey: approve.elementInstanceKey }],
    });
    expect((await tasksOf(key)).map((t) => t.elementId)).toEqual(['review']);
    expect((await gateway.engine.getInstance(key)).variables).toMatchObject({ sentBack: 'over REST' });

    await expect(camunda.modifyProcessInstance({ processInstanceKey: key as never, activateInstructions: [{ elementId: 'nowhere' as never }] }))
      .rejects.toMatchObject({ status: 400, detail: expect.stringContaining("element that could not be found: 'nowhere'") });
    await expect(camunda.modifyProcessInstance({ processInstanceKey: '2251799813685249' as never, terminateInstructions: [] }))
      .rejects.toMatchObject({ status: 404 });
  });
});
