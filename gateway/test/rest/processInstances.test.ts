import { readFileSync } from 'node:fs';
import { eventually } from '../support/eventually';
import { fixture, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';
import { orchestrationClient, rawRest, sdkRest } from '../support/restClients';

// searches answer from the engine's own state: no waiting for eventual consistency
const NOW = { consistency: { waitUpToMs: 0 } };
const bpmnFile = (name: string) => new File([readFileSync(fixture(name))], name, { type: 'application/xml' });

describe('REST /v2 process instances, with the official clients', () => {
  let gateway: TestGateway;
  let camunda: ReturnType<typeof orchestrationClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    camunda = orchestrationClient(gateway);
  });
  afterAll(async () => {
    camunda.stopAllWorkers();
    await gateway.close();
  });

  it('reports a topology the clients accept as 8.8 or later, read by all three official REST clients', async () => {
    const topology = await camunda.getTopology();
    expect(topology.gatewayVersion).toBe('8.8.0');
    expect(topology.brokers[0]!.partitions).toEqual([{ partitionId: 1, role: 'leader', health: 'healthy' }]);
    const sdkTopology = await sdkRest(gateway).getCamundaRestClient().getTopology();
    const [major, minor] = sdkTopology.gatewayVersion.split('.').map(Number);
    expect(major! > 8 || (major === 8 && minor! >= 8)).toBe(true);
    const viaSdk = sdkRest(gateway).getOrchestrationClusterApiClient();
    expect((await viaSdk.getTopology()).brokers).toHaveLength(1);
    viaSdk.stopAllWorkers();
  });

  it('deploys multipart resources, and refuses a broken model naming the element', async () => {
    const deployment = await camunda.createDeployment({ resources: [bpmnFile('g_task.bpmn'), bpmnFile('g_rules.dmn')] });
    expect(deployment.processes).toEqual([expect.objectContaining({ processDefinitionId: 'g_task', processDefinitionVersion: expect.any(Number), resourceName: 'g_task.bpmn' })]);
    expect(deployment.decisions.map((d) => d.decisionDefinitionId)).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(deployment.processes[0]!.processDefinitionKey).toMatch(/^\d+$/);

    const broken = new File(['<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p" isExecutable="true"><bpmn:serviceTask id="noType" /></bpmn:process></bpmn:definitions>'], 'broken.bpmn');
    await expect(camunda.createDeployment({ resources: [broken] })).rejects.toMatchObject({ status: 400, detail: expect.stringContaining("'broken.bpmn': - Element: noType") });
  });

  it('creates an instance, reads it, finds it, and cancels it', async () => {
    await camunda.createDeployment({ resources: [bpmnFile('g_task.bpmn')] });
    const jobType = uniqueType('rest-create');
    const created = await camunda.createProcessInstance({ processDefinitionId: 'g_task' as never, variables: { jobType } });
    expect(created.processInstanceKey).toMatch(/^\d+$/);
    expect(created.processDefinitionId).toBe('g_task');

    const read = await camunda.getProcessInstance({ processInstanceKey: created.processInstanceKey }, NOW);
    expect(read).toMatchObject({ state: 'ACTIVE', hasIncident: false, processDefinitionKey: created.processDefinitionKey, tenantId: '<default>' });

    const found = await camunda.searchProcessInstances({ filter: { processInstanceKey: created.processInstanceKey, state: 'ACTIVE' } }, NOW);
    expect(found.items.map((i) => i.processInstanceKey)).toEqual([created.processInstanceKey]);
    expect(Number(found.page.totalItems)).toBe(1);

    await camunda.cancelProcessInstance({ processInstanceKey: created.processInstanceKey });
    const after = await camunda.getProcessInstance({ processInstanceKey: created.processInstanceKey }, NOW);
    expect(after.state).toBe('TERMINATED');
    expect(after.endDate).toEqual(expect.any(String));
    await expect(camunda.cancelProcessInstance({ processInstanceKey: created.processInstanceKey })).rejects.toMatchObject({ status: 404 });
  });

  it('awaits completion and answers the fetched variables (SDK REST client)', async () => {
    const rest = sdkRest(gateway).getCamundaRestClient();
    await rest.deployResourcesFromFiles([fixture('g_task.bpmn')]);
    const jobType = uniqueType('rest-await');
    const waiting = rest.createProcessInstanceWithResult({ processDefinitionId: 'g_task', variables: { jobType, a: 1 }, fetchVariables: ['a', 'done'] });
    const job = await eventually(async () => {
      const [activated] = await gateway.engine.activateJobs({ type: jobType, maxJobsToActivate: 1 });
      if (!activated) throw new Error('no job yet');
      return activated;
    });
    await gateway.engine.completeJob(job.key, { done: true, ignored: 1 });
    const result = await waiting;
    expect(result.variables).toEqual({ a: 1, done: true });
  });

  it('pages a search with offsets and cursors, and refuses an unsupported filter naming it', async () => {
    await camunda.createDeployment({ resources: [bpmnFile('g_task.bpmn')] });
    const jobType = uniqueType('rest-page');
    const keys: string[] = [];
    for (let i = 0; i < 5; i++) keys.push((await camunda.createProcessInstance({ processDefinitionId: 'g_task' as never, variables: { jobType } })).processInstanceKey);
    const all = await camunda.searchProcessInstances({ filter: { processDefinitionId: 'g_task', state: 'ACTIVE' } }, NOW);
    const ours = all.items.map((i) => i.processInstanceKey).filter((k) => keys.includes(k));
    expect(ours).toEqual(keys);

    const first = await camunda.searchProcessInstances({ filter: { processDefinitionId: 'g_task' }, page: { limit: 2 } }, NOW);
    const next = await camunda.searchProcessInstances({ filter: { processDefinitionId: 'g_task' }, page: { limit: 2, after: first.page.endCursor! } }, NOW);
    const offset = await camunda.searchProcessInstances({ filter: { processDefinitionId: 'g_task' }, page: { limit: 2, from: 2 } }, NOW);
    expect(next.items.map((i) => i.processInstanceKey)).toEqual(offset.items.map((i) => i.processInstanceKey));
    expect(first.items).toHaveLength(2);

    const refused = await rawRest(gateway, 'POST', '/process-instances/search', { filter: { startDate: { $gt: '2026-01-01T00:00:00Z' } } });
    expect(refused.status).toBe(400);
    expect(refused.contentType).toMatch(/application\/problem\+json/);
    expect(refused.body).toEqual({ type: 'about:blank', title: 'INVALID_ARGUMENT', status: 400, detail: expect.stringContaining("'filter.startDate'"), instance: '/v2/process-instances/search' });
    const operator = await rawRest(gateway, 'POST', '/process-instances/search', { filter: { processDefinitionId: { $like: 'g_*' } } });
    expect(operator).toMatchObject({ status: 400, body: { detail: expect.stringContaining('filter.processDefinitionId.$like') } });
    expect(await rawRest(gateway, 'GET', '/process-instances/12x')).toMatchObject({ status: 400, body: { title: 'INVALID_ARGUMENT' } });
    expect(await rawRest(gateway, 'GET', '/process-instances/1')).toMatchObject({ status: 404, body: { title: 'NOT_FOUND' } });
  });
});
