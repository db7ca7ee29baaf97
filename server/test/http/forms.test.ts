import { resourcesOf } from '@dealerflow/processes';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const shipped = (id: string) => JSON.parse(resourcesOf('warranty').find((r) => r.name === `${id}.form.json`)!.content) as { id: string; schema: { properties: Record<string, object>; required: string[] } };

describe.each(testDatabases())('the form builder API on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());
  const admin = () => server.as('admin');

  it('lists the deployed forms and reads one', async () => {
    const list = await (await admin()).get('/api/forms');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'warranty-decision', source: 'deployed', draftSavedAt: null })]));
    const one = await (await admin()).get('/api/forms/warranty-decision');
    expect(one.body).toMatchObject({ id: 'warranty-decision', source: 'deployed', form: { id: 'warranty-decision', title: { en: 'Warranty claim decision' } } });
    expect((await (await admin()).get('/api/forms/no-such-form')).status).toBe(404);
  });

  it('refuses a schema ajv cannot compile with the reason, and changes nothing', async () => {
    const form = { ...shipped('warranty-decision'), schema: { type: 'object', properties: { decision: { type: 'nonsense' } } } };
    const response = await (await admin()).put('/api/forms/warranty-decision').send(form);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('does not compile'), details: [{ field: 'form.schema', message: expect.stringContaining('type') }] });
    expect((await (await admin()).put('/api/forms/warranty-decision').send({ ...shipped('warranty-decision'), id: 'other' })).status).toBe(400);
    expect((await (await admin()).put('/api/forms/warranty-decision').send({ id: 'warranty-decision' })).status).toBe(400);
    expect((await (await admin()).get('/api/forms/warranty-decision')).body.source).toBe('deployed');
  });

  it('saves a draft, audited, that the next test run uses', async () => {
    const form = shipped('warranty-decision');
    form.schema.properties.partsReturned = { type: 'boolean', title: 'Детали возвращены', 'x-classification': 'internal' };
    form.schema.required = [...form.schema.required, 'partsReturned'];
    const saved = await (await admin()).put('/api/forms/warranty-decision').send(form);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ source: 'draft', draftSavedBy: 'admin', form: { schema: { required: expect.arrayContaining(['partsReturned']) } } });
    expect((await (await admin()).get('/api/forms')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'warranty-decision', source: 'draft' })]));
    const audit = await (await admin()).get('/api/audit?subjectType=Form&subjectId=warranty-decision');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['form.draft.save']);

    const xml = resourcesOf('warranty').find((r) => r.name === 'warranty-claim.bpmn')!.content;
    const claim = { vin: 'XW8AN2NE3PH000101', mileage: 30000, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Не работает стеклоподъёмник', parts: [{ partNumber: '6RU837461', name: 'Стеклоподъёмник', quantity: 1, price: 48900 }], labourHours: 1.5 };
    const run = await (await admin()).post('/api/sandbox/runs').send({ xml, variables: claim, dealerId: 'dealer1' });
    expect(run.body.tasks[0].form.schema.properties).toHaveProperty('partsReturned');
  });

  it('answers who sees which classification from the stored roles', async () => {
    const response = await (await admin()).get('/api/forms/visibility');
    expect(response.status).toBe(200);
    const sees = (role: string) => response.body.roles.find((r: { role: string }) => r.role === role).sees;
    expect(sees('dealer-staff')).toEqual({ public: true, internal: true, personal: true, financial: false });
    expect(sees('dealer-manager')).toMatchObject({ financial: true });
    expect(sees('process-admin')).toMatchObject({ financial: true });
  });

  it('lets only process admins use the builder', async () => {
    for (const username of ['dealer1.manager', 'approver.warranty', 'auditor']) {
      const agent = await server.as(username);
      expect((await agent.get('/api/forms')).status).toBe(403);
      expect((await agent.get('/api/forms/warranty-decision')).status).toBe(403);
      expect((await agent.get('/api/forms/visibility')).status).toBe(403);
      expect((await agent.put('/api/forms/warranty-decision').send(shipped('warranty-decision'))).status).toBe(403);
    }
    expect((await server.anonymous().get('/api/forms')).status).toBe(401);
  });
});
