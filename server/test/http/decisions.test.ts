import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const rules = readFileSync(join(__dirname, '../../../engine/conformance/fixtures/c_rules.dmn'), 'utf8');

const routing = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://dealerflow.example/test">
  <bpmn:process id="lead-routing-test" name="Lead routing test" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:businessRuleTask id="Route" name="Route the lead"><bpmn:extensionElements><zeebe:calledDecision decisionId="lead_routing" resultVariable="routing" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:businessRuleTask>
    <bpmn:userTask id="Contact" name="Contact the customer"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="sales" /><zeebe:formDefinition externalReference="lead-contact-form" /></bpmn:extensionElements><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Route" />
    <bpmn:sequenceFlow id="f2" sourceRef="Route" targetRef="Contact" />
    <bpmn:sequenceFlow id="f3" sourceRef="Contact" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="lead-routing-test">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Route_di" bpmnElement="Route"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Contact_di" bpmnElement="Contact"><dc:Bounds x="360" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="520" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="460" y="118" /><di:waypoint x="520" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
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
