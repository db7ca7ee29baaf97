import { readFileSync } from 'node:fs';
import { fixture, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';
import { orchestrationClient, rawRest } from '../support/restClients';

// searches answer from the engine's own state: no waiting for eventual consistency
const NOW = { consistency: { waitUpToMs: 0 } };
const bpmnFile = (name: string) => new File([readFileSync(fixture(name))], name, { type: 'application/xml' });

/** A user task whose input mapping shadows a process variable with a local one of the same name. */
const shadowing = new File([`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs_g_shadow" targetNamespace="http://dealerflow.example/gateway">
  <bpmn:process id="g_shadow" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="check" name="Check">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:ioMapping><zeebe:input source="=amount + 1" target="amount" /></zeebe:ioMapping></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`], 'g_shadow.bpmn', { type: 'application/xml' });

describe('REST /v2 element instances and variables, with the official client', () => {
  let gateway: TestGateway;
  let camunda: ReturnType<typeof orchestrationClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    camunda = orchestrationClient(gateway);
    await camunda.createDeployment({ resources: [bpmnFile('g_steps.bpmn'), bpmnFile('g_task.bpmn'), shadowing] });
  });
  afterAll(async () => {
    camunda.stopAllWorkers();
    await gateway.close();
  });

  const start = async (processId: string, variables: Record<string, unknown> = {}) =>
    (await camunda.createProcessInstance({ processDefinitionId: processId as never, variables })).processInstanceKey;
  const elementsOf = async (key: string) =>
    (await camunda.searchElementInstances({ filter: { processInstanceKey: key as never }, sort: [{ field: 'startDate' }] }, NOW)).items ?? [];
  const openTask = async (key: string) => (await camunda.searchUserTasks({ filter: { processInstanceKey: key as never } }, NOW)).items[0]!;

  it('lists each activated element with a stable key, its type, state and dates, as the instance moves on', async () => {
    const key = await start('g_steps', { amount: 100 });
    const before = await elementsOf(key);
    expect(before.map((e) => [e.elementId, e.type, e.state])).toEqual([['start', 'START_EVENT', 'COMPLETED'], ['review', 'USER_TASK', 'ACTIVE']]);
    const review = before[1]!;
    expect(review).toMatchObject({ elementName: 'Review claim', processInstanceKey: key, processDefinitionId: 'g_steps', hasIncident: false, tenantId: '<default>' });
    expect(review.elementInstanceKey).toMatch(/^\d+$/);
    expect(review.endDate).toBeUndefined();

    await camunda.completeUserTask({ userTaskKey: (await openTask(key)).userTaskKey });
    const after = await elementsOf(key);
    expect(after.map((e) => [e.elementId, e.state])).toEqual([['start', 'COMPLETED'], ['review', 'COMPLETED'], ['approve', 'ACTIVE']]);
    const reviewAfter = after.find((e) => e.elementId === 'review')!;
    expect(reviewAfter.elementInstanceKey).toBe(review.elementInstanceKey);
    expect(Date.parse(reviewAfter.endDate!)).toBeGreaterThanOrEqual(Date.parse(reviewAfter.startDate));

    const got = await camunda.getElementInstance({ elementInstanceKey: review.elementInstanceKey }, NOW);
    expect(got).toMatchObject({ elementId: 'review', state: 'COMPLETED' });

    const active = await camunda.searchElementInstances({ filter: { processInstanceKey: key as never, state: 'ACTIVE' } }, NOW);
    expect(active.items!.map((e) => e.elementId)).toEqual(['approve']);
    const tasks = await camunda.searchElementInstances({ filter: { processInstanceKey: key as never, type: 'USER_TASK' }, sort: [{ field: 'elementId', order: 'DESC' }] }, NOW);
    expect(tasks.items!.map((e) => e.elementId)).toEqual(['review', 'approve']);

    await camunda.cancelProcessInstance({ processInstanceKey: key as never });
    const cancelled = await elementsOf(key);
    expect(cancelled.find((e) => e.elementId === 'approve')).toMatchObject({ state: 'TERMINATED', endDate: expect.any(String) });
  });

  it('flags the element instance that has an incident, and finds it by that flag', async () => {
    const jobType = uniqueType('rest-element-incident');
    const key = await start('g_task', { jobType });
    const [job] = (await camunda.activateJobs({ type: jobType, maxJobsToActivate: 1, timeout: 30_000, requestTimeout: 5_000 })).jobs;
    await camunda.failJob({ jobKey: job!.jobKey, retries: 0, errorMessage: 'no stock' });

    const { items: incidents } = await camunda.searchIncidents({ filter: { processInstanceKey: key } }, NOW);
    const flagged = await camunda.searchElementInstances({ filter: { processInstanceKey: key as never, hasIncident: true } }, NOW);
    expect(flagged.items).toEqual([expect.objectContaining({ elementId: 'work', type: 'SERVICE_TASK', state: 'ACTIVE', hasIncident: true, incidentKey: incidents![0]!.incidentKey })]);
  });

  it('pages element instances with cursors and refuses a filter it does not support, naming it', async () => {
    const key = await start('g_steps', { amount: 1 });
    const first = await camunda.searchElementInstances({ filter: { processInstanceKey: key as never }, page: { limit: 1 } }, NOW);
    expect(first.items).toHaveLength(1);
    expect(Number(first.page.totalItems)).toBe(2);
    const second = await camunda.searchElementInstances({ filter: { processInstanceKey: key as never }, page: { limit: 1, after: first.page.endCursor! } }, NOW);
    expect(second.items![0]!.elementInstanceKey).not.toBe(first.items![0]!.elementInstanceKey);

    const refused = await rawRest(gateway, 'POST', '/element-instances/search', { filter: { elementInstanceScopeKey: key } });
    expect(refused.status).toBe(400);
    expect((refused.body as { detail: string }).detail).toContain('filter.elementInstanceScopeKey');
    expect((await rawRest(gateway, 'GET', '/element-instances/123')).status).toBe(404);
  });

  it('finds process and local variables with their values as JSON, by name, and one by key', async () => {
    const key = await start('g_steps', { amount: 21, claim: { vin: 'XTA210990Y2766389', parts: ['filter'] } });
    const { items } = await camunda.searchVariables({ filter: { processInstanceKey: key as never }, sort: [{ field: 'name' }] }, NOW);
    const review = (await elementsOf(key)).find((e) => e.elementId === 'review')!;
    expect(items.map((v) => [v.name, v.value, v.scopeKey])).toEqual([
      ['amount', '21', key], ['claim', '{"vin":"XTA210990Y2766389","parts":["filter"]}', key], ['doubled', '42', review.elementInstanceKey],
    ]);
    expect(items.every((v) => v.processInstanceKey === key && v.isTruncated === false && /^\d+$/.test(v.variableKey))).toBe(true);

    const byName = await camunda.searchVariables({ filter: { processInstanceKey: key as never, name: 'amount' } }, NOW);
    expect(byName.items.map((v) => v.value)).toEqual(['21']);
    const local = await camunda.searchVariables({ filter: { scopeKey: review.elementInstanceKey as never } }, NOW);
    expect(local.items.map((v) => v.name)).toEqual(['doubled']);
    const one = await camunda.getVariable({ variableKey: byName.items[0]!.variableKey }, NOW);
    expect(one).toMatchObject({ name: 'amount', value: '21', processInstanceKey: key });


    // the key stays the same once the value changes; the local scope ends with its element
    await camunda.completeUserTask({ userTaskKey: (await openTask(key)).userTaskKey, variables: { amount: 22 } });
    const later = await camunda.searchVariables({ filter: { processInstanceKey: key as never } }, NOW);
    expect(later.items.map((v) => [v.name, v.value])).toEqual(expect.arrayContaining([['amount', '22']]));
    expect(later.items.find((v) => v.name === 'amount')!.variableKey).toBe(byName.items[0]!.variableKey);
    expect(later.items.map((v) => v.name)).not.toContain('doubled');
  });

  it('truncates long values in searches unless asked not to', async () => {
    const key = await start('g_steps', { amount: 1, notes: 'x'.repeat(9000) });
    const cut = await rawRest(gateway, 'POST', '/variables/search', { filter: { processInstanceKey: key, name: 'notes' } });
    const [item] = (cut.body as { items: Array<{ value: string; isTruncated: boolean }> }).items;
    expect(item!.isTruncated).toBe(true);
    expect(item!.value.length).toBe(8191);
    const full = await rawRest(gateway, 'POST', '/variables/search?truncateValues=false', { filter: { processInstanceKey: key, name: 'notes' } });
    expect((full.body as { items: Array<{ value: string }> }).items[0]!.value).toBe(JSON.stringify('x'.repeat(9000)));
  });
  it('finds the variables a user task sees, its own scope shadowing the process, by name, until the task ends', async () => {
    const key = await start('g_steps', { amount: 21, notes: 'x'.repeat(9000) });
    const review = (await elementsOf(key)).find((e) => e.elementId === 'review')!;
    const task = await openTask(key);
    const { items } = await camunda.searchUserTaskVariables({ userTaskKey: task.userTaskKey, sort: [{ field: 'name' }], truncateValues: false }, NOW);
    expect(items.map((v) => [v.name, v.value, v.scopeKey])).toEqual([['amount', '21', key], ['doubled', '42', review.elementInstanceKey], ['notes', JSON.stringify('x'.repeat(9000)), key]]);
    const byName = await camunda.searchUserTaskVariables({ userTaskKey: task.userTaskKey, filter: { name: 'doubled' } }, NOW);
    expect(byName.items.map((v) => v.value)).toEqual(['42']);
    const cut = await rawRest(gateway, 'POST', `/user-tasks/${task.userTaskKey}/variables/search`, { filter: { name: 'notes' } });
    expect((cut.body as { items: Array<{ value: string; isTruncated: boolean }> }).items[0]).toMatchObject({ isTruncated: true, value: expect.stringMatching(/^.{8191}$/) });

    // a local variable hides the process variable of the same name: one entry, the task's own
    const shadowed = await start('g_shadow', { amount: 1 });
    const check = await openTask(shadowed);
    const seen = await camunda.searchUserTaskVariables({ userTaskKey: check.userTaskKey }, NOW);
    expect(seen.items.map((v) => [v.name, v.value, String(v.scopeKey) === String(shadowed)])).toEqual([['amount', '2', false]]);

    // a task that is no longer open, or never was, has none to show
    await camunda.completeUserTask({ userTaskKey: task.userTaskKey });
    expect((await rawRest(gateway, 'POST', `/user-tasks/${task.userTaskKey}/variables/search`, {})).status).toBe(404);
    expect((await rawRest(gateway, 'POST', `/user-tasks/${task.userTaskKey}/variables/search`, { filter: { value: '21' } })).status).toBe(400);
  });
});
