import { eventually } from '../support/eventually';
import { linearProcess, userTaskFor } from '../support/linearProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const process = (taskName: string) => linearProcess({ id: 'pinned-form', name: 'Pinned form', steps: [{ id: 'Check', name: taskName, extensions: userTaskFor('dealer-staff, dealer-manager', 'check-form') }] });

const formV1 = { id: 'check-form', title: { ru: 'Проверка', en: 'Check' }, schema: { type: 'object', required: ['note'], properties: { note: { type: 'string', 'x-classification': 'internal' } } } };
const formV2 = { ...formV1, schema: { type: 'object', required: ['note', 'mileage'], properties: { note: { type: 'string', 'x-classification': 'internal' }, mileage: { type: 'integer', 'x-classification': 'internal' } } } };

describe.each(testDatabases())('forms pinned to the process version on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());
  const deploy = async (taskName: string, form: object) => (await server.as('admin')).post('/api/deployments').send({
    resources: [{ name: 'pinned-form.bpmn', content: process(taskName) }, { name: 'check-form.form.json', content: JSON.stringify(form) }],
  });

  async function openTask(): Promise<string> {
    const started = await (await server.as('admin')).post('/api/process-instances').send({ bpmnProcessId: 'pinned-form', variables: {}, dealerId: 'dealer1' });
    expect(started.status).toBe(201);
    return eventually(async () => {
      const items = (await (await server.as('dealer1.staff')).get('/api/tasks?processId=pinned-form')).body.items as { key: string; processInstanceKey: string }[];
      const task = items.find((t) => t.processInstanceKey === started.body.instanceKey);
      if (!task) throw new Error('no task yet');
      return task.key;
    });
  }

  it('shows and validates a v1 case\'s task with v1\'s form after v2 changed it, and the diff lists the change', async () => {
    // Given a case open on v1.
    expect((await deploy('Check', formV1)).status).toBe(201);
    const onV1 = await openTask();
    // When v2 deploys with a changed form.
    expect((await deploy('Check the car', formV2)).body.processes).toEqual([expect.objectContaining({ version: 2 })]);
    const onV2 = await openTask();
    const staff = await server.as('dealer1.staff');

    // Then the v1 task keeps v1's form, the v2 task gets v2's.
    const v1Task = await staff.get(`/api/tasks/${onV1}`);
    expect(v1Task.body.task).toMatchObject({ processVersion: 1 });
    expect(Object.keys(v1Task.body.form.schema.properties)).toEqual(['note']);
    expect(Object.keys((await staff.get(`/api/tasks/${onV2}`)).body.form.schema.properties)).toEqual(['note', 'mileage']);
    expect((await staff.post(`/api/tasks/${onV1}/complete`).send({ variables: { note: 'ok', mileage: 5 } })).body.details).toEqual([{ field: 'mileage', message: 'is not allowed' }]);
    expect((await staff.post(`/api/tasks/${onV2}/complete`).send({ variables: { note: 'ok' } })).status).toBe(400);
    expect((await staff.post(`/api/tasks/${onV1}/complete`).send({ variables: { note: 'ok' } })).status).toBe(204);
    expect((await staff.post(`/api/tasks/${onV2}/complete`).send({ variables: { note: 'ok', mileage: 5 } })).status).toBe(204);

    // And the review of v2 against v1 names the changed form.
    const diff = await (await server.as('admin')).get('/api/processes/pinned-form/versions/2/diff');
    expect(diff.body.forms).toEqual({ added: [], removed: [], schemaChanged: ['check-form'], presentationChanged: [] });
    expect((await (await server.as('admin')).get('/api/processes/pinned-form/versions/1/diff')).body.forms).toMatchObject({ added: ['check-form'] });
  });

  it('starts the version whose start form it validated, not a newer one the engine got some other way', async () => {
    // Given v1 and v2 deployed through us, and a v3 that reached the engine directly (another server's deploy in flight)
    const engine = server.running.services.engine;
    const latest = (await (await server.as('admin')).get('/api/processes/pinned-form/versions')).body.items[0].version as number;
    const direct = await engine.deploy([{ name: 'pinned-form.bpmn', content: process('Check, v3') }]);
    expect(direct.processes[0].version).toBe(latest + 1);
    // When a case starts through the API
    const started = await (await server.as('admin')).post('/api/process-instances').send({ bpmnProcessId: 'pinned-form', variables: {}, dealerId: 'dealer1' });
    // Then it runs the version the server knows and validated against
    expect(started.status).toBe(201);
    expect((await engine.getInstance(started.body.instanceKey as string)).version).toBe(latest);
  });
});
