import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import { tinyForm, tinyProcess } from '../support/tinyProcess';

describe.each(testDatabases())('designer drafts on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());
  const admin = () => server.as('admin');
  const put = async (body: object, processId = 'tiny-versions') => (await admin()).put(`/api/designer/drafts/${processId}`).send(body);

  it('saves a first draft, reads it back, lists it, and counts revisions', async () => {
    const created = await put({ xml: tinyProcess(), forms: [tinyForm], revision: 0 });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ processId: 'tiny-versions', name: 'Tiny versions', revision: 1, savedBy: 'admin', forms: [tinyForm], xml: tinyProcess() });
    const updated = await put({ xml: tinyProcess({ name: 'Tiny, renamed' }), forms: [], revision: 1 });
    expect(updated.body).toMatchObject({ revision: 2, name: 'Tiny, renamed', forms: [] });
    const read = await (await admin()).get('/api/designer/drafts/tiny-versions');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ revision: 2, xml: tinyProcess({ name: 'Tiny, renamed' }) });
    const list = await (await admin()).get('/api/designer/drafts');
    expect(list.body.items).toEqual([{ processId: 'tiny-versions', name: 'Tiny, renamed', revision: 2, savedBy: 'admin', savedAt: expect.any(String) }]);
  });

  it('refuses a save based on a stale revision with 409, keeping the newer draft', async () => {
    const stale = await put({ xml: tinyProcess({ name: 'Stale' }), forms: [], revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'conflict', details: { currentRevision: 2, savedBy: 'admin' } });
    expect((await put({ xml: tinyProcess({ name: 'Also new' }), forms: [], revision: 0 })).status).toBe(409);
    expect((await (await admin()).get('/api/designer/drafts/tiny-versions')).body).toMatchObject({ revision: 2, name: 'Tiny, renamed' });
  });

  it('lets exactly one of two concurrent saves of the same revision win', async () => {
    const [a, b] = await Promise.all([put({ xml: tinyProcess({ name: 'A' }), forms: [], revision: 2 }), put({ xml: tinyProcess({ name: 'B' }), forms: [], revision: 2 })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'A' : 'B';
    expect((await (await admin()).get('/api/designer/drafts/tiny-versions')).body).toMatchObject({ revision: 3, name: winner });
    const first = tinyProcess({ id: 'tiny-new' });
    const [c, d] = await Promise.all([put({ xml: first, forms: [], revision: 0 }, 'tiny-new'), put({ xml: first, forms: [], revision: 0 }, 'tiny-new')]);
    expect([c.status, d.status].sort()).toEqual([200, 409]);
    expect((await (await admin()).get('/api/designer/drafts/tiny-new')).body.revision).toBe(1);
  });

  it('answers malformed drafts with 400 and changes nothing', async () => {
    for (const body of [
      { xml: '<bpmn:definitions', forms: [], revision: 3 },
      { xml: '<not-bpmn/>', forms: [], revision: 3 },
      { xml: tinyProcess(), forms: [{ title: 'no id' }], revision: 3 },
      { xml: tinyProcess(), forms: [], revision: -1 },
      { xml: tinyProcess(), revision: 3 },
      { xml: tinyProcess(), forms: [], revision: 3, extra: true },
      { xml: 'x'.repeat(70_000), forms: [], revision: 3 },
    ]) {
      const response = await put(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
    }
    expect((await put({ xml: tinyProcess(), forms: [], revision: 3 }, 'bad id!')).status).toBe(400);
    expect((await put({ xml: tinyProcess(), forms: [], revision: 0 }, 'other-process')).status).toBe(400);
    expect((await (await admin()).get('/api/designer/drafts/tiny-versions')).body.revision).toBe(3);
    expect((await (await admin()).get('/api/designer/drafts/other-process')).status).toBe(404);
  });

  it('keeps drafts and plugins to process admins: 403 for everyone else, 401 when signed out', async () => {
    for (const username of ['approver.sales', 'dealer1.manager', 'dealer1.staff', 'auditor']) {
      const agent = await server.as(username);
      expect((await agent.get('/api/designer/drafts')).status).toBe(403);
      expect((await agent.get('/api/designer/drafts/tiny-versions')).status).toBe(403);
      expect((await agent.put('/api/designer/drafts/tiny-versions').send({ xml: tinyProcess(), forms: [], revision: 3 })).status).toBe(403);
      expect((await agent.get('/api/plugins')).status).toBe(403);
    }
    expect((await server.anonymous().get('/api/designer/drafts')).status).toBe(401);
    expect((await (await admin()).get('/api/designer/drafts/tiny-versions')).body.revision).toBe(3);
  });

  it('lists the registered plugins with their task types and schemas', async () => {
    const response = await (await admin()).get('/api/plugins');
    expect(response.status).toBe(200);
    expect(response.body.items.map((p: { taskType: string }) => p.taskType)).toEqual(['credit-exposure', 'credit-note', 'lead-routing', 'notify', 'stock', 'tender-registry', 'warranty-coverage']);
    expect(response.body.items.find((p: { taskType: string }) => p.taskType === 'warranty-coverage')).toMatchObject({
      title: 'Warranty coverage check',
      input: { properties: { vin: { title: 'VIN' } }, required: ['vin', 'mileage', 'repairDate', 'defectCode'] },
      output: { properties: { covered: { type: 'boolean' } } },
    });
  });
});
