import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe.each(testDatabases())('tender reservation through the API on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const as = (username: string) => server.as(username);
  const upload = async (username: string, name = 'Извещение.pdf') => (await (await as(username)).post(`/api/uploads?name=${encodeURIComponent(name)}`).set('Content-Type', 'application/pdf').send(pdf)).body as { id: string; fileName: string };
  const apply = async (username: string, overrides: Record<string, unknown> = {}) => {
    const document = await upload(username);
    return (await as(username)).post('/api/process-instances').send({
      bpmnProcessId: 'tender-reservation',
      variables: {
        customerInn: '7707083893', customerName: 'ПАО «Сбербанк»', tenderNumber: '0373100056024000500', platform: 'eis-44',
        tenderObject: 'Поставка легковых автомобилей', products: [{ productCode: 'K5', quantity: 3 }], expectedDate: '2027-02-01',
        documents: [{ id: document.id, fileName: document.fileName }], ...overrides,
      },
    });
  };
  const taskFor = (username: string, caseRef: string, elementId: string) => eventually(async () => {
    const task = ((await (await as(username)).get('/api/tasks')).body.items as { key: string; elementId: string; caseRef: string }[]).find((t) => t.caseRef === caseRef && t.elementId === elementId);
    if (!task) throw new Error(`${username} has no ${elementId} task for ${caseRef}`);
    return task;
  });
  const tendersOf = async (username: string) => (await (await as(username)).get('/api/tenders')).body.items as Record<string, unknown>[];

  it('refuses an INN with a wrong check digit, naming the field, and starts nothing', async () => {
    const before = (await tendersOf('admin')).length;
    const response = await apply('dealer1.manager', { customerInn: '7707083894' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'customerInn', message: 'must match format "inn"' }]);
    expect((await apply('dealer1.manager', { customerInn: '12345' })).body.details.map((d: { field: string }) => d.field)).toEqual(['customerInn']);
    expect(await tendersOf('admin')).toHaveLength(before);
  });

  it('refuses a model outside the catalog and a document the user did not upload', async () => {
    const unknown = await apply('dealer1.manager', { products: [{ productCode: 'K5', quantity: 1 }, { productCode: 'LADA', quantity: 1 }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'products.1.productCode', message: 'is not a model the catalog offers' }]);
    const theirs = await upload('dealer2.manager');
    const foreign = await apply('dealer1.manager', { documents: [{ id: theirs.id, fileName: theirs.fileName }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details).toEqual([{ field: 'documents.0', message: 'is not a file you uploaded for this form' }]);
  });

  it('apply with a document, lock, extend once (a second time is refused), report won; another dealer sees only the date', async () => {
    // given dealer1 applies; the document becomes an attachment of the case
    const started = await apply('dealer1.manager');
    expect(started.status).toBe(201);
    const { caseRef, instanceKey } = started.body;
    const files = (await (await as('approver.sales')).get(`/api/process-instances/${instanceKey}/attachments`)).body.items;
    expect(files).toEqual([expect.objectContaining({ fileName: 'Извещение.pdf', uploadedBy: 'dealer1.manager' })]);
    // when the sales approver locks it for 20 days
    const verify = await taskFor('approver.sales', caseRef, 'VerifyTender');
    expect((await (await as('approver.warranty')).get('/api/tasks')).body.items.map((t: { key: string }) => t.key)).not.toContain(verify.key);
    expect((await (await as('approver.sales')).post(`/api/tasks/${verify.key}/complete`).send({ variables: { decision: 'approve', lockDays: 20, decisionReason: 'Документы проверены' } })).status).toBe(204);
    const locked = await eventually(async () => {
      const [row] = (await tendersOf('dealer1.manager')).filter((t) => t.caseRef === caseRef);
      expect(row).toMatchObject({ state: 'locked', decidedBy: 'approver.sales', extensions: 0 });
      return row;
    });
    // then dealer2 applying for the same tender is refused and sees the date only
    const rival = await apply('dealer2.manager');
    expect(rival.status).toBe(201);
    const refused = await eventually(async () => {
      const [row] = (await tendersOf('dealer2.manager')).filter((t) => t.caseRef === rival.body.caseRef);
      expect(row).toMatchObject({ state: 'conflict', conflictUntil: locked.heldUntil });
      return row;
    });
    expect(JSON.stringify(await tendersOf('dealer2.manager'))).not.toContain(caseRef);
    expect(JSON.stringify(refused)).not.toContain('dealer1');
    const rivalCase = (await (await as('dealer2.manager')).get(`/api/process-instances/${rival.body.instanceKey}`)).body;
    expect(JSON.stringify(rivalCase.variables)).not.toMatch(/dealer1|Москва|Автоцентр/);
    // the dealer may not extend; the approver extends once by 10 days
    expect((await (await as('dealer1.manager')).post(`/api/tenders/${caseRef}/extend`).send({ days: 10, reason: 'Перенос торгов' })).status).toBe(403);
    expect((await (await as('dealer2.manager')).post(`/api/tenders/${caseRef}/extend`).send({ days: 10, reason: 'Перенос торгов' })).status).toBe(404);
    const extended = await (await as('approver.sales')).post(`/api/tenders/${caseRef}/extend`).send({ days: 10, reason: 'Заказчик перенёс торги' });
    expect(extended.status).toBe(200);
    const newUntil = new Date(Date.parse(locked.heldUntil as string) + 10 * 86_400_000).toISOString();
    expect(extended.body).toEqual({ lockedUntil: newUntil });
    const again = await (await as('approver.sales')).post(`/api/tenders/${caseRef}/extend`).send({ days: 10, reason: 'Ещё раз' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/уже продлевалось.*extended once already/);
    // the process now waits on the new date
    await eventually(async () => expect((await (await as('dealer1.manager')).get(`/api/process-instances/${instanceKey}`)).body.variables.lockedUntil).toBe(newUntil));
    // and the dealer reports it won
    const report = await taskFor('dealer1.staff', caseRef, 'ReportOutcome');
    expect((await (await as('dealer1.staff')).post(`/api/tasks/${report.key}/complete`).send({ variables: { outcome: 'won' } })).status).toBe(204);
    await eventually(async () => expect((await tendersOf('dealer1.manager')).find((t) => t.caseRef === caseRef)).toMatchObject({ state: 'won' }));
    expect(await server.running.services.tenders.tenderOutcomes('dealer1')).toMatchObject({ won: 1, lost: 0, items: [expect.objectContaining({ caseRef, outcome: 'won' })] });
    const audit = (await (await as('auditor')).get(`/api/audit?subjectType=Tender&subjectId=${caseRef}`)).body.items;
    expect(audit.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([['tender.extend', 'approver.sales']]);
  });

  it('shows dealers their own tenders only and the distributor all, with the catalog to choose from', async () => {
    const own = await tendersOf('dealer2.staff');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((t) => t.dealerId === 'dealer2')).toBe(true);
    expect(new Set((await tendersOf('approver.sales')).map((t) => t.dealerId))).toEqual(new Set(['dealer1', 'dealer2']));
    expect((await (await as('dealer1.staff')).get('/api/tenders/products')).body.items.map((p: { code: string }) => p.code)).toContain('K5');
    expect((await (await as('dealer1.staff')).get('/api/tenders?state=nonsense')).status).toBe(400);
  });
});
