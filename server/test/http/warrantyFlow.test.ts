import { testDatabases } from '../support/testDatabases';
import { eventually } from '../support/eventually';
import { startTestServer, type TestServer } from '../support/testServer';

const claim = (overrides: object = {}) => ({
  vin: 'XW8AN2NE3PH000101',
  mileage: 30000,
  repairDate: '2026-11-20',
  defectCode: 'B1001',
  defectDescription: 'Стеклоподъёмник водительской двери не работает',
  parts: [{ partNumber: '6RU837461', name: 'Стеклоподъёмник', quantity: 1, price: 48900 }],
  labourHours: 1.5,
  ...overrides,
});

describe.each(testDatabases())('warranty claims through the API on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const start = async (username: string, variables: object, dealerId?: string) => (await server.as(username)).post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables, dealerId });
  const tasksOf = async (username: string, query = '') => (await (await server.as(username)).get(`/api/tasks${query}`)).body.items as { key: string; elementId: string; caseRef: string; processInstanceKey: string }[];
  const taskFor = (username: string, caseRef: string, elementId: string) =>
    eventually(async () => {
      const task = (await tasksOf(username)).find((t) => t.caseRef === caseRef && t.elementId === elementId);
      if (!task) throw new Error(`${username} has no ${elementId} task for ${caseRef}`);
      return task;
    });
  const instance = async (username: string, key: string) => (await (await server.as(username)).get(`/api/process-instances/${key}`));

  it('offers dealer staff the warranty claim with its start form', async () => {
    const response = await (await server.as('dealer1.staff')).get('/api/processes');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([expect.objectContaining({ bpmnProcessId: 'tender-reservation' }), expect.objectContaining({ bpmnProcessId: 'warranty-claim', startForm: expect.objectContaining({ id: 'warranty-claim-start' }) })]);
    expect((await (await server.as('auditor')).get('/api/processes')).body.items).toEqual([]);
  });

  it('starts a dealer user’s case for their own dealer only', async () => {
    expect((await start('dealer1.staff', claim(), 'dealer2')).status).toBe(403);
    expect((await start('admin', claim(), 'dealer9')).status).toBe(400);
  });

  it('refuses an invalid claim with field errors and starts nothing', async () => {
    const before = (await tasksOf('admin')).length;
    const response = await start('dealer1.staff', claim({ vin: 'SHORT', mileage: -5 }));
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['mileage', 'vin']);
    expect((await tasksOf('admin')).length).toBe(before);
  });

  it('routes a large claim to the warranty approver only, and keeps other dealers out', async () => {
    const started = await start('dealer1.staff', claim());
    expect(started.status).toBe(201);
    const { caseRef, instanceKey } = started.body;
    const task = await taskFor('approver.warranty', caseRef, 'DecideClaim');
    expect((await tasksOf('approver.sales')).map((t) => t.caseRef)).not.toContain(caseRef);
    expect((await tasksOf('dealer2.staff')).map((t) => t.caseRef)).not.toContain(caseRef);
    const dealer2 = await server.as('dealer2.staff');
    expect((await dealer2.get(`/api/tasks/${task.key}`)).status).toBe(404);
    expect((await dealer2.post(`/api/tasks/${task.key}/claim`)).status).toBe(404);
    expect((await dealer2.post(`/api/tasks/${task.key}/complete`).send({ variables: { decision: 'approve', decisionReason: 'чужая заявка' } })).status).toBe(404);
    expect((await instance('dealer2.staff', instanceKey)).status).toBe(404);
    expect((await instance('dealer1.manager', instanceKey)).status).toBe(200);
  });

  it('lets exactly one of twenty concurrent completions win; the others get 409', async () => {
    const { caseRef } = (await start('dealer1.staff', claim())).body;
    const task = await taskFor('approver.warranty', caseRef, 'DecideClaim');
    const approver = await server.as('approver.warranty');
    const results = await Promise.all(Array.from({ length: 20 }, () =>
      approver.post(`/api/tasks/${task.key}/complete`).send({ variables: { decision: 'reject', decisionReason: 'Дефект не гарантийный' } })));
    expect(results.map((r) => r.status).sort()).toEqual([204, ...Array(19).fill(409)]);
  });

  it('lets one of two approvers win a race for the same task', async () => {
    const { caseRef } = (await start('dealer1.staff', claim())).body;
    const task = await taskFor('approver.warranty', caseRef, 'DecideClaim');
    const [a, b] = await Promise.all([
      (await server.as('approver.warranty')).post(`/api/tasks/${task.key}/complete`).send({ variables: { decision: 'approve', decisionReason: 'Гарантийный случай' } }),
      (await server.as('admin')).post(`/api/tasks/${task.key}/complete`).send({ variables: { decision: 'reject', decisionReason: 'Не гарантийный' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([204, 409]);
  });

  it('claims once: a second claimer gets 409 naming the holder', async () => {
    const { caseRef } = (await start('dealer1.staff', claim())).body;
    const task = await taskFor('approver.warranty', caseRef, 'DecideClaim');
    expect((await (await server.as('approver.warranty')).post(`/api/tasks/${task.key}/claim`)).status).toBe(200);
    const second = await (await server.as('admin')).post(`/api/tasks/${task.key}/claim`);
    expect(second.status).toBe(409);
    expect(second.body.details).toEqual({ assignee: 'approver.warranty' });
    expect((await (await server.as('admin')).post(`/api/tasks/${task.key}/complete`).send({ variables: { decision: 'approve', decisionReason: 'Одобрено' } })).status).toBe(409);
    expect((await (await server.as('approver.warranty')).post(`/api/tasks/${task.key}/unclaim`)).status).toBe(200);
  });

  it('loops back to the dealer on "request information", then approves and issues a credit note', async () => {
    const { caseRef, instanceKey } = (await start('dealer1.staff', claim())).body;
    const decide = await taskFor('approver.warranty', caseRef, 'DecideClaim');
    const approver = await server.as('approver.warranty');
    expect((await approver.post(`/api/tasks/${decide.key}/complete`).send({ variables: { decision: 'requestInfo', decisionReason: 'Приложите фото дефекта' } })).status).toBe(204);

    const info = await taskFor('dealer1.staff', caseRef, 'ProvideInformation');
    const detail = await (await server.as('dealer1.staff')).get(`/api/tasks/${info.key}`);
    expect(detail.body.data).toEqual({ decisionReason: 'Приложите фото дефекта', labourHours: 1.5 });
    expect((await (await server.as('dealer1.staff')).post(`/api/tasks/${info.key}/complete`).send({ variables: { dealerResponse: 'Фото приложено к заявке' } })).status).toBe(204);

    const again = await taskFor('approver.warranty', caseRef, 'DecideClaim');
    expect(again.key).not.toBe(decide.key);
    expect((await approver.post(`/api/tasks/${again.key}/complete`).send({ variables: { decision: 'approve', decisionReason: 'Подтверждено', approvedAmount: 50000 } })).status).toBe(204);
    const done = await eventually(async () => {
      const response = await instance('dealer1.manager', instanceKey);
      if (response.body.state !== 'COMPLETED') throw new Error(`still ${response.body.state}`);
      return response.body;
    });
    expect(done.variables).toMatchObject({ decision: 'approve', creditNoteNumber: expect.stringMatching(/^CN-\d{6}$/), approvedAmount: 50000 });
    const staffView = (await instance('dealer1.staff', instanceKey)).body;
    expect(staffView.variables).not.toHaveProperty('approvedAmount');
    expect(staffView.variables.creditNoteNumber).toBe(done.variables.creditNoteNumber);
    // the dealer's staff do not list the distributor's approvers, yet read by name who decided their case
    const directory = (await (await server.as('dealer1.staff')).get('/api/users')).body.items as { username: string }[];
    expect(directory.map((person) => person.username)).not.toContain('approver.warranty');
    expect(staffView.variables.decidedBy).toBe('approver.warranty');
    expect(staffView.people).toMatchObject({ 'approver.warranty': 'Олег Гарантийный' });
    expect(Object.keys(staffView.people).sort()).toEqual(['approver.warranty', 'dealer1.staff']);
  });

  it('refuses a financial field from dealer staff instead of merging it', async () => {
    const { caseRef } = (await start('dealer1.staff', claim())).body;
    const decide = await taskFor('approver.warranty', caseRef, 'DecideClaim');
    await (await server.as('approver.warranty')).post(`/api/tasks/${decide.key}/complete`).send({ variables: { decision: 'requestInfo', decisionReason: 'Уточните нормо-часы' } });
    const info = await taskFor('dealer1.staff', caseRef, 'ProvideInformation');
    const response = await (await server.as('dealer1.staff')).post(`/api/tasks/${info.key}/complete`).send({ variables: { dealerResponse: 'Исправлено', approvedAmount: 999999 } });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'approvedAmount', message: 'is not allowed' }]);
  });

  it('approves a small covered claim by itself', async () => {
    const { instanceKey } = (await start('dealer1.staff', claim({ parts: [{ partNumber: 'F-1', name: 'Предохранитель', quantity: 2, price: 300 }], labourHours: 0.5 }))).body;
    const done = await eventually(async () => {
      const response = await instance('dealer1.manager', instanceKey);
      if (response.body.state !== 'COMPLETED') throw new Error(`still ${response.body.state}`);
      return response.body;
    });
    expect(done.variables).toMatchObject({ claimAmount: 1850, coverage: { covered: true }, creditNoteNumber: expect.any(String) });
    expect(done.history.map((h: { elementId: string }) => h.elementId)).not.toContain('DecideClaim');
  });

  it('applies four eyes: nobody decides a case they started', async () => {
    const { caseRef } = (await start('admin', claim(), 'dealer1')).body;
    const task = await taskFor('admin', caseRef, 'DecideClaim');
    const response = await (await server.as('admin')).post(`/api/tasks/${task.key}/complete`).send({ variables: { decision: 'approve', decisionReason: 'Сам себе' } });
    expect(response.status).toBe(403);
  });

  it('answers 409 for a cancelled case’s task and 404 for an unknown one', async () => {
    const { caseRef, instanceKey } = (await start('dealer1.staff', claim())).body;
    const task = await taskFor('approver.warranty', caseRef, 'DecideClaim');
    expect((await (await server.as('dealer1.manager')).post(`/api/process-instances/${instanceKey}/cancel`)).status).toBe(403);
    expect((await (await server.as('admin')).post(`/api/process-instances/${instanceKey}/cancel`)).status).toBe(204);
    const late = await (await server.as('approver.warranty')).post(`/api/tasks/${task.key}/complete`).send({ variables: { decision: 'approve', decisionReason: 'Поздно' } });
    expect(late.status).toBe(409);
    expect((await (await server.as('approver.warranty')).get('/api/tasks/999999')).status).toBe(404);
  });

  it('keeps comments on the case for those who may read it', async () => {
    const { instanceKey } = (await start('dealer1.staff', claim())).body;
    const staff = await server.as('dealer1.staff');
    expect((await staff.post(`/api/process-instances/${instanceKey}/comments`).send({ body: '   ' })).status).toBe(400);
    const added = await staff.post(`/api/process-instances/${instanceKey}/comments`).send({ body: 'Клиент ждёт автомобиль к пятнице' });
    expect(added.status).toBe(201);
    expect((await (await server.as('dealer2.staff')).post(`/api/process-instances/${instanceKey}/comments`).send({ body: 'чужое' })).status).toBe(404);
    expect((await (await server.as('dealer2.staff')).get(`/api/process-instances/${instanceKey}/comments`)).status).toBe(404);
    const list = await (await server.as('approver.warranty')).get(`/api/process-instances/${instanceKey}/comments`);
    expect(list.body.items).toEqual([expect.objectContaining({ author: 'dealer1.staff', body: 'Клиент ждёт автомобиль к пятнице' })]);
  });

  it('takes photos and PDFs on a case, refuses other, mismatched, oversized or foreign uploads', async () => {
    const { instanceKey } = (await start('dealer1.staff', claim())).body;
    const staff = await server.as('dealer1.staff');
    const png = Buffer.concat([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'), Buffer.alloc(2048, 7)]);
    const upload = (agent: typeof staff, name: string, type: string, bytes: Buffer) =>
      agent.post(`/api/process-instances/${instanceKey}/attachments?name=${encodeURIComponent(name)}`).set('Content-Type', type).send(bytes);
    const added = await upload(staff, 'дефект.png', 'image/png', png);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ fileName: 'дефект.png', contentType: 'image/png', size: png.length, uploadedBy: 'dealer1.staff' });
    expect((await upload(staff, 'notes.txt', 'text/plain', Buffer.from('hello'))).status).toBe(415);
    expect((await upload(staff, 'fake.png', 'image/png', Buffer.from('%PDF-1.7 not a png'))).status).toBe(400);
    expect((await upload(staff, '../../etc/passwd', 'image/png', png)).status).toBe(400);
    expect((await upload(staff, 'huge.png', 'image/png', Buffer.concat([png, Buffer.alloc(11 * 1024 * 1024)]))).status).toBe(413);
    expect((await upload(await server.as('dealer2.staff'), 'x.png', 'image/png', png)).status).toBe(404);

    const list = await (await server.as('approver.warranty')).get(`/api/process-instances/${instanceKey}/attachments`);
    expect(list.body.items).toHaveLength(1);
    const download = await (await server.as('approver.warranty')).get(`/api/process-instances/${instanceKey}/attachments/${added.body.id}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(Buffer.compare(download.body as Buffer, png)).toBe(0);
    expect((await (await server.as('dealer2.staff')).get(`/api/process-instances/${instanceKey}/attachments/${added.body.id}`)).status).toBe(404);
  });

  it('keeps the audit chain intact through all of it', async () => {
    const verify = await (await server.as('auditor')).get('/api/audit/verify');
    expect(verify.body).toMatchObject({ ok: true });
    const trail = await (await server.as('auditor')).get('/api/audit?limit=1000');
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['instance.start', 'task.complete', 'instance.complete', 'instance.terminate', 'comment.add']));
  });
});
