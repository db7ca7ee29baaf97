import { eventually } from '../support/eventually';
import { linearProcess, userTaskFor } from '../support/linearProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

/** A one-task process for dealer staff whose task links form `formId`. */
const dealerTask = (id: string, formId: string) => linearProcess({ id, name: id, steps: [{ id: 'Answer', name: 'Answer', extensions: userTaskFor('dealer-staff, dealer-manager', formId) }] });

/** The dealer's answer form: the distributor's question is shown read-only; one form also (wrongly) declares a system field. */
const answerForm = {
  id: 'answer-form',
  title: { ru: 'Ответ', en: 'Answer' },
  schema: {
    type: 'object',
    required: ['question', 'answer'],
    properties: {
      question: { type: 'string', readOnly: true, 'x-classification': 'internal' },
      note: { type: 'string', 'x-classification': 'internal' },
      answer: { type: 'string', minLength: 2, 'x-classification': 'internal' },
      caseRef: { type: 'string', 'x-classification': 'internal' },
    },
  },
  uiSchema: { note: { 'ui:readonly': true } },
};

describe.each(testDatabases())('what a task accepts on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());
  const admin = () => server.as('admin');
  const deploy = async (resources: { name: string; content: string }[]) => (await admin()).post('/api/deployments').send({ resources });

  /** Starts `processId` for dealer1 straight on the engine (as a model deployed before references were checked would run) and returns its task key. */
  async function openTask(processId: string, variables: Record<string, unknown> = {}): Promise<{ key: string; instanceKey: string }> {
    const started = await server.running.services.engine.createInstance(processId, { dealerId: 'dealer1', caseRef: 'WC-2026-REAL01', startedBy: 'dealer1.manager', ...variables });
    const staff = await server.as('dealer1.staff');
    const key = await eventually(async () => {
      const items = (await staff.get(`/api/tasks?processId=${processId}`)).body.items as { key: string; processInstanceKey: string }[];
      const task = items.find((t) => t.processInstanceKey === started.processInstanceKey);
      if (!task) throw new Error('no task yet');
      return task.key;
    });
    return { key, instanceKey: started.processInstanceKey };
  }
  const variablesOf = async (instanceKey: string) => (await server.running.services.engine.getInstance(instanceKey)).variables;

  it('refuses to deploy a task whose form is neither in the deployment nor deployed, naming the element and the form', async () => {
    const response = await deploy([{ name: 'unresolved.bpmn', content: dealerTask('unresolved', 'no-such-form') }]);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'unresolved_form', message: expect.stringContaining('no-such-form'), details: [{ field: 'Answer', message: expect.stringContaining('no-such-form') }] });
    expect((await (await admin()).get('/api/processes/unresolved/versions')).status).toBe(404);
    // A form deployed earlier resolves.
    expect((await deploy([{ name: 'answer-form.form.json', content: JSON.stringify(answerForm) }])).status).toBe(201);
    expect((await deploy([{ name: 'resolved.bpmn', content: dealerTask('resolved', 'answer-form') }])).status).toBe(201);
  });

  it('lets no one write variables through a task whose form does not resolve', async () => {
    // Given a model that reached the engine without its form (deployed before the check).
    await server.running.services.engine.deploy([{ name: 'formless.bpmn', content: dealerTask('formless', 'no-such-form') }]);
    const { key, instanceKey } = await openTask('formless');
    const staff = await server.as('dealer1.staff');
    const forged = await staff.post(`/api/tasks/${key}/complete`).send({ variables: { approvedAmount: 999999999, note: 'x' } });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ code: 'validation_failed', details: expect.arrayContaining([{ field: 'approvedAmount', message: expect.any(String) }]) });
    expect((await staff.put(`/api/tasks/${key}/draft`).send({ variables: { note: 'x' } })).status).toBe(400);
    expect((await staff.post(`/api/tasks/${key}/complete`).send({ variables: {} })).status).toBe(204);
    expect(await variablesOf(instanceKey)).not.toHaveProperty('approvedAmount');
  });

  it('never lets a user write a system variable, not even one the form declares', async () => {
    const { key, instanceKey } = await openTask('resolved', { question: 'Why?' });
    const staff = await server.as('dealer1.staff');
    const forged = await staff.post(`/api/tasks/${key}/complete`).send({ variables: { answer: 'fine', dealerId: 'dealer2', startedBy: 'dealer1.staff', caseRef: 'FORGED' } });
    expect(forged.status).toBe(400);
    expect(forged.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['caseRef', 'dealerId', 'startedBy']);
    const draft = await staff.put(`/api/tasks/${key}/draft`).send({ variables: { answer: 'fine', lastEditedBy: 'someone' } });
    expect(draft.status).toBe(400);
    expect(draft.body.details).toEqual([{ field: 'lastEditedBy', message: expect.any(String) }]);
    expect(await variablesOf(instanceKey)).toMatchObject({ dealerId: 'dealer1', caseRef: 'WC-2026-REAL01', startedBy: 'dealer1.manager' });
  });

  it('drops read-only fields from drafts and completions: the question stays the distributor\'s', async () => {
    const { key, instanceKey } = await openTask('resolved', { question: 'Why is the part broken?', note: 'from the distributor' });
    const staff = await server.as('dealer1.staff');
    const draft = await staff.put(`/api/tasks/${key}/draft`).send({ variables: { question: 'Changed question', note: 'changed', answer: 'wip' } });
    expect(draft.status).toBe(200);
    expect(draft.body.variables).toEqual({ answer: 'wip' });
    // The client sends the whole form back, read-only values included; a required read-only field is not asked for.
    const done = await staff.post(`/api/tasks/${key}/complete`).send({ variables: { question: 'Approve it, please', note: 'changed', answer: 'It wore out' } });
    expect(done.status).toBe(204);
    expect(await variablesOf(instanceKey)).toMatchObject({ question: 'Why is the part broken?', note: 'from the distributor', answer: 'It wore out', lastEditedBy: 'dealer1.staff' });
  });

  it('refuses fields the form does not declare', async () => {
    const { key } = await openTask('resolved', { question: 'Why?' });
    const response = await (await server.as('dealer1.staff')).post(`/api/tasks/${key}/complete`).send({ variables: { answer: 'fine', approvedAmount: 5 } });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'approvedAmount', message: 'is not allowed' }]);
  });

  it('refuses system variables on a start form too', async () => {
    const response = await (await admin()).post('/api/process-instances').send({ bpmnProcessId: 'resolved', variables: { decidedBy: 'admin' }, dealerId: 'dealer1' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'decidedBy', message: expect.any(String) }]);
  });
});
