import { readFileSync } from 'node:fs';
import { orchestrationClient, rawRest } from '../support/restClients';
import { fixture, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';

const NOW = { consistency: { waitUpToMs: 0 } };
const bpmnFile = (name: string) => new File([readFileSync(fixture(name))], name, { type: 'application/xml' });

describe('REST /v2 incidents, definitions and the clock, with the official client', () => {
  let gateway: TestGateway;
  let camunda: ReturnType<typeof orchestrationClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    camunda = orchestrationClient(gateway);
    await camunda.createDeployment({ resources: [bpmnFile('g_task.bpmn'), bpmnFile('g_timer.bpmn'), bpmnFile('g_rules.dmn')] });
  });
  afterAll(async () => {
    await camunda.resetClock();
    camunda.stopAllWorkers();
    await gateway.close();
  });

  const start = async (processId: string, variables: Record<string, unknown> = {}) =>
    (await camunda.createProcessInstance({ processDefinitionId: processId as never, variables })).processInstanceKey;
  const stateOf = async (key: string) => (await camunda.getProcessInstance({ processInstanceKey: key as never }, NOW)).state;

  it('finds a job incident, refuses to resolve it without retries, and resolves it once the job has retries', async () => {
    const jobType = uniqueType('rest-incident');
    const key = await start('g_task', { jobType });
    const activate = () => camunda.activateJobs({ type: jobType, maxJobsToActivate: 1, timeout: 30_000, requestTimeout: 5_000 });
    const [job] = (await activate()).jobs;
    await camunda.failJob({ jobKey: job!.jobKey, retries: 0, errorMessage: 'no stock' });

    const { items } = await camunda.searchIncidents({ filter: { processInstanceKey: key } }, NOW);
    expect(items).toEqual([expect.objectContaining({ errorType: 'JOB_NO_RETRIES', errorMessage: 'no stock', elementId: 'work', jobKey: job!.jobKey, state: 'ACTIVE', processDefinitionId: 'g_task' })]);
    const incidentKey = items![0]!.incidentKey!;
    await expect(camunda.resolveIncident({ incidentKey })).rejects.toMatchObject({ status: 409 });

    await camunda.updateJob({ jobKey: job!.jobKey, changeset: { retries: 1 } });
    await camunda.resolveIncident({ incidentKey });
    expect((await camunda.searchIncidents({ filter: { processInstanceKey: key } }, NOW)).items).toEqual([]);
    const [again] = (await activate()).jobs;
    await camunda.completeJob({ jobKey: again!.jobKey });
    expect(await stateOf(key)).toBe('COMPLETED');
    await expect(camunda.resolveIncident({ incidentKey })).rejects.toMatchObject({ status: 404 });
  });

  it('searches process definitions (latest versions) and answers their XML; searches decisions', async () => {
    const latest = await camunda.searchProcessDefinitions({ filter: { processDefinitionId: 'g_task', isLatestVersion: true } }, NOW);
    expect(latest.items).toEqual([expect.objectContaining({ processDefinitionId: 'g_task', resourceName: 'g_task.bpmn', version: 1 })]);
    const xml = await camunda.getProcessDefinitionXml({ processDefinitionKey: latest.items![0]!.processDefinitionKey! }, NOW);
    expect(String(xml)).toContain('<bpmn:process id="g_task"');
    const all = await camunda.searchProcessDefinitions({ sort: [{ field: 'processDefinitionId', order: 'ASC' }] }, NOW);
    expect(all.items!.map((d) => d.processDefinitionId)).toEqual(['g_task', 'g_timer']);

    const decisions = await camunda.searchDecisionDefinitions({}, NOW);
    expect(decisions.items!.length).toBeGreaterThan(0);
    expect(decisions.items![0]).toEqual(expect.objectContaining({ version: 1, tenantId: '<default>' }));
    expect(await rawRest(gateway, 'POST', '/decision-definitions/search', { filter: { decisionRequirementsId: 'x' } })).toMatchObject({ status: 400, body: { detail: expect.stringContaining("'filter.decisionRequirementsId'") } });
  });

  it('fires a timer on the pinned clock, and resets to real time', async () => {
    const key = await start('g_timer');
    expect(await stateOf(key)).toBe('ACTIVE');
    await camunda.pinClock({ timestamp: Date.now() + 2 * 3600_000 });
    expect(await stateOf(key)).toBe('COMPLETED');
    const ended = await camunda.getProcessInstance({ processInstanceKey: key }, NOW);
    expect(Date.parse(ended.endDate!)).toBeGreaterThan(Date.now() + 3600_000);

    await camunda.resetClock();
    const later = await start('g_timer');
    expect(Date.parse((await camunda.getProcessInstance({ processInstanceKey: later }, NOW)).startDate)).toBeLessThan(Date.now() + 1000);
    expect(await rawRest(gateway, 'PUT', '/clock', { timestamp: 'soon' })).toMatchObject({ status: 400, body: { title: 'INVALID_ARGUMENT' } });
  });
});
