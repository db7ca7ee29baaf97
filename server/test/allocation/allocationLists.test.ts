import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface Row { [field: string]: unknown }

describe.each(testDatabases())('stock, reservations, orders and exposure through the API on %s', (_kind, database) => {
  let server: TestServer;
  let caseRef: string;
  let instanceKey: string;
  beforeAll(async () => {
    server = await startTestServer(database());
    const started = await (await server.as('dealer1.manager')).post('/api/process-instances').send({ bpmnProcessId: 'vehicle-allocation', variables: { lines: [{ model: 'Seltos', colour: 'Синий', quantity: 1 }] } });
    ({ caseRef, instanceKey } = started.body);
    await eventually(async () => {
      const [row] = await server.running.dataSource.query('SELECT COUNT(*) AS n FROM reservation WHERE caseRef = ?', [caseRef]);
      if (Number(row.n) !== 1) throw new Error('not reserved yet');
    });
  });
  afterAll(() => server.stop());

  const get = async (username: string, path: string) => (await server.as(username)).get(path);
  const items = async (username: string, path: string) => (await get(username, path)).body.items as Row[];

  it('shows every dealer the free stock, filtered, and only its own held vehicles', async () => {
    expect(await items('dealer2.staff', '/api/stock')).toHaveLength(59);
    expect((await items('dealer2.staff', '/api/stock?model=Rio')).map((v) => v.model)).toEqual(Array(10).fill('Rio'));
    expect(await items('dealer2.staff', '/api/stock?status=reserved')).toEqual([]);
    expect(await items('dealer1.staff', '/api/stock?status=reserved')).toEqual([expect.objectContaining({ model: 'Seltos', colour: 'Синий', caseRef })]);
    expect(await items('approver.sales', '/api/stock')).toHaveLength(60);
    const bad = await get('dealer1.staff', '/api/stock?status=stolen&sort=price');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  });

  it('lists reservations with a countdown; dealer staff never get the amount, other dealers get nothing', async () => {
    const [staffView] = await items('dealer1.staff', '/api/reservations');
    expect(staffView).toMatchObject({ caseRef, state: 'pending', secondsLeft: expect.any(Number) });
    expect(staffView.secondsLeft as number).toBeGreaterThan(71 * 3600);
    expect(staffView).not.toHaveProperty('amount');
    expect((await items('dealer1.manager', '/api/reservations'))[0]).toMatchObject({ caseRef, amount: 2_600_000 });
    expect(await items('dealer2.manager', '/api/reservations')).toEqual([]);
    expect((await get('dealer1.manager', '/api/reservations?state=lost')).status).toBe(400);
  });

  it('shows a dealer’s exposure to finance and to its own manager only', async () => {
    const finance = await get('approver.finance', '/api/finance/exposure/dealer3');
    expect(finance.body).toMatchObject({ dealerName: 'Автоцентр Новосибирск', creditLimit: 20_000_000, openDebt: 18_700_000, pendingReservations: 0, overdraft: 0 });
    // the demo's warranty cases may already have credited dealer1: credit notes lower its debt
    const [credited] = await server.running.dataSource.query('SELECT COALESCE(SUM(amount), 0) AS total FROM credit_note WHERE dealerId = ?', ['dealer1']);
    expect((await get('dealer1.manager', '/api/finance/exposure/dealer1')).body).toMatchObject({ openDebt: 12_400_000 - Number(credited.total), pendingReservations: 2_600_000 });
    expect((await get('dealer1.manager', '/api/finance/exposure/dealer3')).status).toBe(404);
    expect((await get('dealer1.staff', '/api/finance/exposure/dealer1')).status).toBe(404);
    expect((await get('approver.finance', '/api/finance/exposure/nobody')).status).toBe(404);
  });

  it('lets the dealer’s manager cancel a held request once; others get 404, a second cancel 409', async () => {
    const cancel = async (username: string) => (await server.as(username)).post(`/api/reservations/${caseRef}/cancel`).send({ reason: 'Клиент передумал' });
    expect((await cancel('dealer2.manager')).status).toBe(404);
    expect((await cancel('dealer1.staff')).status).toBe(404);
    expect((await (await server.as('dealer1.manager')).post(`/api/reservations/${caseRef}/cancel`).send({})).status).toBe(400);
    expect((await cancel('dealer1.manager')).status).toBe(202);
    const ended = await eventually(async () => {
      const instance = await get('dealer1.manager', `/api/process-instances/${instanceKey}`);
      if (instance.body.state === 'ACTIVE') throw new Error('still active');
      return instance.body;
    });
    expect(ended.history.map((h: { elementId: string }) => h.elementId)).toContain('EndedCancelled');
    expect((await items('dealer1.staff', '/api/reservations'))[0]).toMatchObject({ state: 'released', secondsLeft: 0 });
    expect((await cancel('dealer1.manager')).status).toBe(409);
    expect(await items('dealer1.manager', '/api/orders')).toEqual([]);
  });
});
