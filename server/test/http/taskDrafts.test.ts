import { deployReview, openReview } from '../support/reviewProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(testDatabases())('task drafts on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
    await deployReview(server);
  });
  afterAll(() => server.stop());

  const saveDraft = async (username: string, key: string, body: unknown) => (await server.as(username)).put(`/api/tasks/${key}/draft`).send(body as object);
  const detail = async (username: string, key: string) => (await server.as(username)).get(`/api/tasks/${key}`);

  it('saves a draft without validating it, returns it with the task, and keeps the last save', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    expect((await detail('dealer1.staff', task.key)).body.draft).toBeNull();
    const first = await saveDraft('dealer1.staff', task.key, { variables: { note: 'x' } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ variables: { note: 'x' }, savedBy: 'dealer1.staff', savedAt: expect.any(String) });
    const second = await saveDraft('dealer1.manager', task.key, { variables: { note: 'Проверено наполовину', discount: 5 } });
    expect(second.status).toBe(200);
    const managerView = (await detail('dealer1.manager', task.key)).body;
    expect(managerView.draft).toEqual({ variables: { note: 'Проверено наполовину', discount: 5 }, savedBy: 'dealer1.manager', savedAt: second.body.savedAt });
  });

  it('masks the draft like the form data, and never keeps a field the saver may not see', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    await saveDraft('dealer1.manager', task.key, { variables: { note: 'Скидка согласована', discount: 7 } });
    const staffView = (await detail('dealer1.staff', task.key)).body;
    expect(staffView.hidden).toEqual(['discount']);
    expect(staffView.draft.variables).toEqual({ note: 'Скидка согласована' });
    const staffSave = await saveDraft('dealer1.staff', task.key, { variables: { note: 'Моя версия', discount: 99, unknownField: 1 } });
    expect(staffSave.body.variables).toEqual({ note: 'Моя версия' });
    expect((await detail('dealer1.manager', task.key)).body.draft.variables).toEqual({ note: 'Моя версия' });
  });

  it('refuses bad input with 400 or 413 and changes nothing', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    await saveDraft('dealer1.staff', task.key, { variables: { note: 'before' } });
    for (const body of [{}, { variables: 'text' }, { variables: [1, 2] }, { variables: {}, extra: true }]) {
      const response = await saveDraft('dealer1.staff', task.key, body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
    }
    const huge = await saveDraft('dealer1.staff', task.key, { variables: { note: 'я'.repeat(40_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
    expect((await detail('dealer1.staff', task.key)).body.draft.variables).toEqual({ note: 'before' });
  });

  it('hides other dealers’ tasks (404) and refuses a task someone else holds (409)', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    for (const outsider of ['dealer2.staff', 'dealer2.manager', 'approver.sales', 'auditor']) {
      const response = await saveDraft(outsider, task.key, { variables: { note: 'чужая' } });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    }
    expect((await saveDraft('dealer1.staff', 'no-such-task', { variables: {} })).status).toBe(404);
    expect((await (await server.as('dealer1.manager')).post(`/api/tasks/${task.key}/claim`)).status).toBe(200);
    const held = await saveDraft('dealer1.staff', task.key, { variables: { note: 'занято' } });
    expect(held.status).toBe(409);
    expect(held.body.details).toEqual({ assignee: 'dealer1.manager' });
    expect((await detail('dealer1.manager', task.key)).body.draft).toBeNull();
  });

  it('drops the draft when the task is completed, and answers 409 afterwards', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    await saveDraft('dealer1.staff', task.key, { variables: { note: 'почти готово' } });
    expect((await (await server.as('dealer1.staff')).post(`/api/tasks/${task.key}/complete`).send({ variables: { note: 'готово' } })).status).toBe(204);
    const after = await detail('dealer1.staff', task.key);
    expect(after.body.task.state).toBe('completed');
    expect(after.body.draft).toBeNull();
    const late = await saveDraft('dealer1.staff', task.key, { variables: { note: 'поздно' } });
    expect(late.status).toBe(409);
    expect(late.body.details).toEqual({ state: 'completed' });
  });

  it('drops the draft when the case is cancelled', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    await saveDraft('dealer1.staff', task.key, { variables: { note: 'не понадобится' } });
    expect((await (await server.as('admin')).post(`/api/process-instances/${task.processInstanceKey}/cancel`)).status).toBe(204);
    const after = (await detail('dealer1.staff', task.key)).body;
    expect(after.task.state).toBe('cancelled');
    expect(after.draft).toBeNull();
  });

  it('keeps no draft that races the completion: either it lands before and is dropped, or it gets 409', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    const staff = await server.as('dealer1.staff');
    const [completed, ...drafts] = await Promise.all([
      staff.post(`/api/tasks/${task.key}/complete`).send({ variables: { note: 'готово' } }),
      ...Array.from({ length: 5 }, (_, i) => staff.put(`/api/tasks/${task.key}/draft`).send({ variables: { note: `черновик ${i}` } })),
    ]);
    expect(completed.status).toBe(204);
    for (const draft of drafts) expect([200, 409]).toContain(draft.status);
    expect((await detail('dealer1.staff', task.key)).body.draft).toBeNull();
  });
});
