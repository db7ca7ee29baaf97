import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linearProcess, userTaskFor } from '../support/linearProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const rules = readFileSync(join(__dirname, '../../../engine/conformance/fixtures/c_rules.dmn'), 'utf8');

const routing = linearProcess({
  id: 'lead-routing-test',
  name: 'Lead routing test',
  steps: [
    { id: 'Route', name: 'Route the lead', kind: 'businessRuleTask', extensions: '<zeebe:calledDecision decisionId="lead_routing" resultVariable="routing" />' },
    { id: 'Contact', name: 'Contact the customer', extensions: userTaskFor('sales', 'lead-contact-form') },
  ],
});
const form = JSON.stringify({ id: 'lead-contact-form', title: { ru: 'Контакт', en: 'Contact' }, schema: { type: 'object', properties: { reached: { type: 'boolean' } } } });

describe.each(testDatabases())('decision tables deployed through the API on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  it('deploys a DMN resource with a process; the business rule task puts the decision result into the instance', async () => {
    // given the rules and a process that calls them, deployed by the admin
    const admin = await server.as('admin');
    const deployed = await admin.post('/api/deployments').send({ resources: [{ name: 'rules.dmn', content: rules }, { name: 'routing.bpmn', content: routing }, { name: 'contact.form.json', content: form }] });
    expect(deployed.status).toBe(201);
    expect(deployed.body.decisions.map((d: { decisionId: string; version: number }) => [d.decisionId, d.version])).toEqual(expect.arrayContaining([['lead_routing', 1], ['lead_score', 1]]));
    // when a hot Moscow lead starts the process
    const started = await admin.post('/api/process-instances').send({ bpmnProcessId: 'lead-routing-test', variables: { region: 'Moscow', budget: 7_000_000 } });
    expect(started.status).toBe(201);
    // then the instance carries the routing the table chose and waits at the contact task
    const instance = await admin.get(`/api/process-instances/${started.body.instanceKey}`);
    expect(instance.body.variables.routing).toEqual({ dealerId: 'dealer1', channel: 'call' });
    expect(instance.body.history.map((h: { elementId: string; state: string }) => `${h.elementId}:${h.state}`)).toEqual(expect.arrayContaining(['Route:COMPLETED', 'Contact:ACTIVATED']));
  });

  it('refuses a broken DMN resource with its problems listed, and deploys nothing of the upload', async () => {
    const admin = await server.as('admin');
    const broken = rules.replace('<text>"dealer2"</text>', '<text>"dealer2" +</text>');
    const response = await admin.post('/api/deployments').send({ resources: [{ name: 'rules.dmn', content: broken }, { name: 'routing.bpmn', content: routing.replace(/lead-routing-test/g, 'lead-routing-other') }] });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([{ field: 'o5', message: expect.stringContaining('output entry') }]));
    expect((await admin.post('/api/process-instances').send({ bpmnProcessId: 'lead-routing-other', variables: {} })).status).toBe(404);
    expect((await admin.post('/api/deployments').send({ resources: [{ name: 'rules.dmn', content: '<definitions' }] })).status).toBe(400);
  });
});
