import { eventually } from '../support/eventually';
import { linearProcess, userTaskFor } from '../support/linearProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

/** A dealer1 case whose one task goes to the sales approvers. */
const salesReview = linearProcess({ id: 'sales-review', name: 'Sales review', steps: [{ id: 'Decide', name: 'Decide', extensions: userTaskFor('sales', 'sales-review-form') }] });
const salesForm = { id: 'sales-review-form', title: { ru: 'Решение', en: 'Decision' }, schema: { type: 'object', properties: { ok: { type: 'boolean' } } } };
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe.each(testDatabases())('who comments and attaches on a case on %s', (_kind, database) => {
  let server: TestServer;
  let instanceKey: string;
  beforeAll(async () => {
    server = await startTestServer(database());
    const admin = await server.as('admin');
    const deployed = await admin.post('/api/deployments').send({ resources: [{ name: 'sales-review.bpmn', content: salesReview }, { name: 'sales-review.form.json', content: JSON.stringify(salesForm) }] });
    expect(deployed.status).toBe(201);
    instanceKey = (await admin.post('/api/process-instances').send({ bpmnProcessId: 'sales-review', variables: {}, dealerId: 'dealer1' })).body.instanceKey;
    await eventually(async () => expect((await (await server.as('approver.sales')).get('/api/tasks?processId=sales-review')).body.items).toHaveLength(1));
  });
  afterAll(() => server.stop());

  const comment = async (username: string) => (await server.as(username)).post(`/api/process-instances/${instanceKey}/comments`).send({ body: `from ${username}` });
  const attach = async (username: string) => (await server.as(username)).post(`/api/process-instances/${instanceKey}/attachments?name=photo.png`).set('Content-Type', 'image/png').send(png);

  it.each([
    ['dealer1.staff', 201],
    ['dealer1.manager', 201],
    ['approver.sales', 201],
    ['admin', 201],
    ['auditor', 403],
    ['approver.warranty', 403],
    ['approver.finance', 403],
    ['dealer2.staff', 404],
  ])('%s comments and attaches: %d', async (username, status) => {
    const commented = await comment(username);
    expect(commented.status).toBe(status);
    expect((await attach(username)).status).toBe(status);
    if (status === 403) expect(commented.body).toMatchObject({ code: 'forbidden', message: expect.any(String) });
  });

  it('keeps the readers reading', async () => {
    for (const username of ['auditor', 'approver.warranty']) {
      expect((await (await server.as(username)).get(`/api/process-instances/${instanceKey}/comments`)).status).toBe(200);
      expect((await (await server.as(username)).get(`/api/process-instances/${instanceKey}/attachments`)).status).toBe(200);
    }
    const authors = (await (await server.as('auditor')).get(`/api/process-instances/${instanceKey}/comments`)).body.items.map((c: { author: string }) => c.author);
    expect(authors.sort()).toEqual(['admin', 'approver.sales', 'dealer1.manager', 'dealer1.staff']);
  });
});
