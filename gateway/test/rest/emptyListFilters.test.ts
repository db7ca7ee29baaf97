import { readFileSync } from 'node:fs';
import { orchestrationClient, rawRest } from '../support/restClients';
import { fixture, startTestGateway, type TestGateway } from '../support/testGateway';

const bpmnFile = (name: string) => new File([readFileSync(fixture(name))], name, { type: 'application/xml' });

/** The filter the official Java client 8.9 sends for `filter(f -> f.processInstanceKey(key).state(CREATED))`: every list it has, empty. */
const javaClientFilter = (processInstanceKey: string) => ({
  sort: [],
  filter: { state: { $eq: 'CREATED', $in: [] }, processInstanceVariables: [], localVariables: [], processInstanceKey, tags: [] },
});

describe('REST /v2 searches read empty lists in a filter as no filter (as the Java client sends them)', () => {
  let gateway: TestGateway;
  let instanceKey: string;

  beforeAll(async () => {
    gateway = await startTestGateway('memory');
    const camunda = orchestrationClient(gateway);
    await camunda.createDeployment({ resources: [bpmnFile('g_user.bpmn')] });
    await camunda.createProcessInstance({ processDefinitionId: 'g_user' as never }); // another instance's task, filtered out
    instanceKey = (await camunda.createProcessInstance({ processDefinitionId: 'g_user' as never })).processInstanceKey;
  });
  afterAll(() => gateway.close());

  it('finds the one open task of the instance with the Java client filter', async () => {
    const found = await rawRest(gateway, 'POST', '/user-tasks/search', javaClientFilter(instanceKey));
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ items: [{ processInstanceKey: instanceKey, elementId: 'approve', state: 'CREATED' }], page: { totalItems: 1 } });
  });

  it('searches process instances with empty lists the same way', async () => {
    const found = await rawRest(gateway, 'POST', '/process-instances/search', { sort: [], filter: { processInstanceKey: instanceKey, state: { $eq: 'ACTIVE', $in: [] }, tags: [], variables: [] } });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ items: [{ processInstanceKey: instanceKey, state: 'ACTIVE' }], page: { totalItems: 1 } });
  });

  it('still refuses a list with values, or another operator, naming it', async () => {
    const tags = await rawRest(gateway, 'POST', '/user-tasks/search', { filter: { processInstanceKey: instanceKey, tags: ['urgent'] } });
    expect(tags).toMatchObject({ status: 400, body: { title: 'INVALID_ARGUMENT', detail: expect.stringContaining("Unsupported filter 'filter.tags'") } });
    const oneOf = await rawRest(gateway, 'POST', '/user-tasks/search', { filter: { state: { $eq: 'CREATED', $in: ['CREATED'] } } });
    expect(oneOf).toMatchObject({ status: 400, body: { detail: expect.stringContaining("'filter.state.$in'") } });
  });
});
