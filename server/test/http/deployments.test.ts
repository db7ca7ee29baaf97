import { linearProcess } from '../support/linearProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const bpmn = (userTaskExtensions: string) => linearProcess({ id: 'tiny-review', name: 'Tiny review', steps: [{ id: 'Review', name: 'Review', extensions: `<zeebe:userTask />${userTaskExtensions}` }] });
const good = bpmn('<zeebe:assignmentDefinition candidateGroups="sales" /><zeebe:formDefinition externalReference="tiny-review-form" />');
const form = JSON.stringify({ id: 'tiny-review-form', title: { ru: 'Проверка', en: 'Review' }, schema: { type: 'object', properties: { ok: { type: 'boolean' } } } });

describe.each(testDatabases())('deployments on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());
  const deploy = async (username: string, resources: { name: string; content: string }[]) => (await server.as(username)).post('/api/deployments').send({ resources });

  it('refuses a model that cannot run, naming each element and reason, and deploys nothing; the house rules are advice', async () => {
    const typeless = bpmn('<zeebe:assignmentDefinition candidateGroups="sales" />').replace('</bpmn:process>', '<bpmn:serviceTask id="Typeless" /></bpmn:process>');
    const response = await deploy('admin', [{ name: 'tiny.bpmn', content: typeless }]);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'Typeless', message: expect.stringContaining('no job type') }]);
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
