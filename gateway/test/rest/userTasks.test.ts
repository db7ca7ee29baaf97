import { readFileSync } from 'node:fs';
import { orchestrationClient, rawRest, sdkRest } from '../support/restClients';
import { fixture, startTestGateway, type TestGateway } from '../support/testGateway';

const NOW = { consistency: { waitUpToMs: 0 } };
const bpmnFile = (name: string) => new File([readFileSync(fixture(name))], name, { type: 'application/xml' });

describe('REST /v2 user tasks, with the official clients', () => {
  let gateway: TestGateway;
  let camunda: ReturnType<typeof orchestrationClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    camunda = orchestrationClient(gateway);
    await camunda.createDeployment({ resources: [bpmnFile('g_user.bpmn')] });
  });
  afterAll(async () => {
    camunda.stopAllWorkers();
    await gateway.close();
  });

  const start = async (variables: Record<string, unknown> = {}) =>
    (await camunda.createProcessInstance({ processDefinitionId: 'g_user' as never, variables })).processInstanceKey;
  const taskOf = async (processInstanceKey: string) => {
    const { items } = await camunda.searchUserTasks({ filter: { processInstanceKey: processInstanceKey as never } }, NOW);
    expect(items).toHaveLength(1);
    return items[0]!;
  };

  it('finds the task of an instance, reads it, assigns, unassigns and completes it', async () => {
    const key = await start({ orderId: 'o-1' });
    const task = await taskOf(key);
    expect(task).toMatchObject({ state: 'CREATED', elementId: 'approve', name: 'Approve order', candidateGroups: ['sales'], priority: 70, processDefinitionId: 'g_user', externalFormReference: 'order-approval' });

    await camunda.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'dealer1.manager' });
    expect((await camunda.getUserTask({ userTaskKey: task.userTaskKey }, NOW)).assignee).toBe('dealer1.manager');
    const mine = await camunda.searchUserTasks({ filter: { assignee: 'dealer1.manager', processInstanceKey: key as never } }, NOW);
    expect(mine.items.map((t) => t.userTaskKey)).toEqual([task.userTaskKey]);

    await expect(camunda.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'someone.else', allowOverride: false })).rejects.toMatchObject({ status: 409 });
    await camunda.unassignUserTask({ userTaskKey: task.userTaskKey });
    expect((await camunda.getUserTask({ userTaskKey: task.userTaskKey }, NOW)).assignee).toBeUndefined();

    await camunda.completeUserTask({ userTaskKey: task.userTaskKey, variables: { approved: true } });
    expect((await camunda.getProcessInstance({ processInstanceKey: key }, NOW)).state).toBe('COMPLETED');
    expect((await gateway.engine.getInstance(key)).variables).toMatchObject({ orderId: 'o-1', approved: true });
    await expect(camunda.completeUserTask({ userTaskKey: task.userTaskKey })).rejects.toMatchObject({ status: 404 });
    await expect(camunda.getUserTask({ userTaskKey: task.userTaskKey }, NOW)).rejects.toMatchObject({ status: 404 });
  });

  it('works user tasks with the SDK REST client (search, assign, complete)', async () => {
    const rest = sdkRest(gateway).getCamundaRestClient();
    const key = await start();
    const found = await rest.searchUserTasks({ filter: { processInstanceKey: key, candidateGroup: 'sales' } });
    expect(found.items).toHaveLength(1);
    const userTaskKey = found.items[0]!.userTaskKey;
    await rest.assignUserTask({ userTaskKey, assignee: 'approver.sales' });
    await rest.completeUserTask({ userTaskKey, variables: { via: 'sdk' } });
    expect((await gateway.engine.getInstance(key)).state).toBe('COMPLETED');
  });

  it('pages tasks by cursor and refuses unsupported filters naming them', async () => {
    const keys = [await start(), await start(), await start()];
    const ours = (await camunda.searchUserTasks({ filter: { processDefinitionId: 'g_user' as never } }, NOW)).items.filter((t) => keys.includes(t.processInstanceKey!));
    expect(ours.map((t) => t.processInstanceKey)).toEqual(keys);
    const first = await camunda.searchUserTasks({ filter: { processDefinitionId: 'g_user' as never }, page: { limit: 1 } }, NOW);
    const second = await camunda.searchUserTasks({ filter: { processDefinitionId: 'g_user' as never }, page: { limit: 1, after: first.page.endCursor! } }, NOW);
    expect(second.items[0]!.userTaskKey).not.toBe(first.items[0]!.userTaskKey);
    expect(BigInt(second.items[0]!.userTaskKey) > BigInt(first.items[0]!.userTaskKey)).toBe(true);

    const refused = await rawRest(gateway, 'POST', '/user-tasks/search', { filter: { dueDate: { $lt: '2030-01-01T00:00:00Z' } } });
    expect(refused).toMatchObject({ status: 400, body: { title: 'INVALID_ARGUMENT', detail: expect.stringContaining("'filter.dueDate'") } });
    const sorted = await rawRest(gateway, 'POST', '/user-tasks/search', { sort: [{ field: 'name', order: 'DESC' }] });
    expect(sorted).toMatchObject({ status: 400, body: { detail: expect.stringContaining("'name'") } });
  });
});
