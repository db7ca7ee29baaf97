import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const bpmn = (userTaskExtensions: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://dealerflow.example/test">
  <bpmn:process id="tiny-review" name="Tiny review" isExecutable="true">
    <bpmn:startEvent id="Start" name="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Review" name="Review"><bpmn:extensionElements><zeebe:userTask />${userTaskExtensions}</bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End" name="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="tiny-review">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Review_di" bpmnElement="Review"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
const good = bpmn('<zeebe:assignmentDefinition candidateGroups="sales" /><zeebe:formDefinition externalReference="tiny-review-form" />');
const form = JSON.stringify({ id: 'tiny-review-form', title: { ru: 'Проверка', en: 'Review' }, schema: { type: 'object', properties: { ok: { type: 'boolean' } } } });

describe.each(testDatabases())('deployments on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());
  const deploy = async (username: string, resources: { name: string; content: string }[]) => (await server.as(username)).post('/api/deployments').send({ resources });

  it('refuses a model with lint errors, listing each, and deploys nothing', async () => {
    const response = await deploy('admin', [{ name: 'tiny.bpmn', content: bpmn('') }]);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([
      { field: 'Review', message: expect.stringContaining('assignment') },
      { field: 'Review', message: expect.stringContaining('form') },
    ]));
    expect((await (await server.as('admin')).get('/api/processes')).body.items.map((p: { bpmnProcessId: string }) => p.bpmnProcessId)).not.toContain('tiny-review');
  });

  it('answers malformed XML, an unknown file type and a broken form with 400, never 500', async () => {
    expect((await deploy('admin', [{ name: 'broken.bpmn', content: '<bpmn:definitions' }])).status).toBe(400);
    expect((await deploy('admin', [{ name: 'notes.txt', content: 'hello' }])).status).toBe(400);
    expect((await deploy('admin', [{ name: 'bad.form.json', content: '{"id": "x", "schema": {"type": "nonsense"}}' }])).status).toBe(400);
    expect((await deploy('admin', [{ name: 'bad.form.json', content: '{not json' }])).status).toBe(400);
    expect((await (await server.as('admin')).post('/api/deployments').send({ resources: [] })).status).toBe(400);
  });

  it('lets only the process admin deploy', async () => {
    expect((await deploy('approver.sales', [{ name: 'tiny.bpmn', content: good }])).status).toBe(403);
    expect((await deploy('dealer1.manager', [{ name: 'tiny.bpmn', content: good }])).status).toBe(403);
  });

  it('deploys a clean model with its form as a new version, and the same file again as the same version', async () => {
    const first = await deploy('admin', [{ name: 'tiny.bpmn', content: good }, { name: 'tiny-review.form.json', content: form }]);
    expect(first.body.details ?? []).toEqual([]);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ processes: [{ bpmnProcessId: 'tiny-review', version: 1, key: expect.any(String) }], decisions: [], forms: ['tiny-review-form'] });
    const again = await deploy('admin', [{ name: 'tiny.bpmn', content: good }]);
    expect(again.body.processes[0]).toMatchObject({ version: 1, key: first.body.processes[0].key });
    const changed = await deploy('admin', [{ name: 'tiny.bpmn', content: good.replace('name="Review"', 'name="Review it"') }]);
    expect(changed.body.processes[0].version).toBe(2);
    const listed = (await (await server.as('admin')).get('/api/processes')).body.items.find((p: { bpmnProcessId: string }) => p.bpmnProcessId === 'tiny-review');
    expect(listed).toMatchObject({ version: 2, name: 'Tiny review' });
  });
});
