import { AuditEntry } from '../../src/entities/AuditEntry';
import { TenderProduct } from '../../src/tenders/TenderProduct';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

interface Product { code: string; name: string; sortOrder: number; active: boolean }

describe.each(testDatabases())('the tender product catalog on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  }, 120_000);
  afterAll(() => server.stop());

  const as = (username: string) => server.as(username);
  const rows = () => server.running.dataSource.getRepository(TenderProduct).find({ order: { code: 'ASC' } });
  const entries = (action: string) => server.running.dataSource.getRepository(AuditEntry).find({ where: { action }, order: { seq: 'ASC' } });
  const catalog = async (username = 'dealer1.staff') => ((await (await as(username)).get('/api/tenders/products')).body.items as Product[]);
  const apply = async (productCode: string) => {
    const manager = await as('dealer1.manager');
    const { id, fileName } = (await manager.post('/api/uploads?name=notice.pdf').set('Content-Type', 'application/pdf').send(pdf)).body as { id: string; fileName: string };
    return manager.post('/api/process-instances').send({
      bpmnProcessId: 'tender-reservation',
      variables: { customerInn: '7707083893', customerName: 'ПАО «Сбербанк»', tenderNumber: '0373100056024000777', platform: 'eis-44', tenderObject: 'Поставка', products: [{ productCode, quantity: 1 }], expectedDate: '2027-02-01', documents: [{ id, fileName }] },
    });
  };

  it('an admin adds a model once: everyone reads it in catalog order, a second add of the code is a 409, one audit entry', async () => {
    const admin = await as('admin');
    const created = await admin.post('/api/tenders/products').send({ code: 'EV9', name: 'Kia EV9', sortOrder: 5 });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: 'EV9', name: 'Kia EV9', sortOrder: 5, active: true });
    const listed = await catalog();
    expect(listed.find((p) => p.code === 'EV9')).toEqual(created.body);
    expect(listed.map((p) => p.sortOrder)).toEqual([...listed.map((p) => p.sortOrder)].sort((a, b) => a - b));
    const again = await admin.post('/api/tenders/products').send({ code: 'EV9', name: 'Другая' });
    expect(again.status).toBe(409);
    expect((await rows()).filter((p) => p.code === 'EV9').map((p) => p.name)).toEqual(['Kia EV9']);
    const audit = await entries('tender.product.create');
    expect(audit.map((e) => [e.actor, e.subjectId])).toEqual([['admin', 'EV9']]);
  });

  it('two admins adding the same code at once: one model, one 201 and one 409, one audit entry', async () => {
    const [first, second] = await Promise.all([as('admin'), as('admin')]);
    const answers = await Promise.all([first.post('/api/tenders/products').send({ code: 'PV5', name: 'Kia PV5' }), second.post('/api/tenders/products').send({ code: 'PV5', name: 'Kia PV5 Cargo' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect((await rows()).filter((p) => p.code === 'PV5')).toHaveLength(1);
    expect((await entries('tender.product.create')).filter((e) => e.subjectId === 'PV5')).toHaveLength(1);
  });

  it('refuses bad input naming the field and changes nothing; only catalog managers write', async () => {
    const before = await rows();
    const admin = await as('admin');
    const bad = await admin.post('/api/tenders/products').send({ code: 'ev 9', name: '   ' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'name']);
    expect((await admin.patch('/api/tenders/products/K5').send({})).status).toBe(400);
    expect((await admin.patch('/api/tenders/products/K5').send({ code: 'K6' })).status).toBe(400);
    expect((await admin.patch('/api/tenders/products/K5').send({ sortOrder: -1 })).body.details[0].field).toBe('sortOrder');
    expect((await admin.patch('/api/tenders/products/NOPE').send({ name: 'Нет' })).status).toBe(404);
    for (const username of ['approver.sales', 'dealer1.manager', 'auditor']) {
      expect((await (await as(username)).post('/api/tenders/products').send({ code: 'X1', name: 'X' })).status).toBe(403);
      expect((await (await as(username)).patch('/api/tenders/products/K5').send({ name: 'X' })).status).toBe(403);
    }
    expect((await server.anonymous().get('/api/tenders/products')).status).toBe(401);
    expect(await rows()).toEqual(before);
  });

  it('a renamed model keeps its code; a retired one still names old tenders but new applications are refused; offered again, it is accepted', async () => {
    const admin = await as('admin');
    const renamed = await admin.patch('/api/tenders/products/K5').send({ name: 'Kia K5 GT-Line', sortOrder: 7 });
    expect(renamed.body).toMatchObject({ code: 'K5', name: 'Kia K5 GT-Line', sortOrder: 7, active: true });
    const update = (await entries('tender.product.update')).at(-1)!;
    expect(JSON.parse(update.payload)).toEqual({ before: { name: expect.any(String), sortOrder: expect.any(Number) }, after: { name: 'Kia K5 GT-Line', sortOrder: 7 } });
    // the same change again changes nothing and writes no entry
    const count = (await entries('tender.product.update')).length;
    await admin.patch('/api/tenders/products/K5').send({ name: 'Kia K5 GT-Line' });
    expect(await entries('tender.product.update')).toHaveLength(count);

    expect((await admin.patch('/api/tenders/products/K5').send({ active: false })).body.active).toBe(false);
    expect((await catalog()).find((p) => p.code === 'K5')).toMatchObject({ name: 'Kia K5 GT-Line', active: false });
    const refused = await apply('K5');
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ field: 'products.0.productCode', message: 'is not a model the catalog offers' }]);

    await admin.patch('/api/tenders/products/K5').send({ active: true });
    expect((await apply('K5')).status).toBe(201);
    expect((await entries('tender.product.update')).slice(-2).map((e) => (JSON.parse(e.payload) as { after: object }).after)).toEqual([{ active: false }, { active: true }]);
  });
});
