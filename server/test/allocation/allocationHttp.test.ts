import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(testDatabases())('vehicle allocation through the API on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const tasksOf = async (username: string) => (await (await server.as(username)).get('/api/tasks')).body.items as { key: string; elementId: string; caseRef: string }[];
  const taskFor = (username: string, caseRef: string, elementId: string) => eventually(async () => {
    const task = (await tasksOf(username)).find((t) => t.caseRef === caseRef && t.elementId === elementId);
    if (!task) throw new Error(`${username} has no ${elementId} task for ${caseRef}`);
    return task;
  });

  it('ships both processes; dealer managers may request vehicles, dealer staff may not, nobody starts the credit check by hand', async () => {
    const manager = (await (await server.as('dealer1.manager')).get('/api/processes')).body.items.map((p: { bpmnProcessId: string }) => p.bpmnProcessId);
    expect(manager).toEqual(expect.arrayContaining(['warranty-claim', 'vehicle-allocation']));
    expect(manager).not.toContain('credit-limit-check');
    const staff = (await (await server.as('dealer1.staff')).get('/api/processes')).body.items.map((p: { bpmnProcessId: string }) => p.bpmnProcessId);
    expect(staff).not.toContain('vehicle-allocation');
    const refused = await (await server.as('dealer1.staff')).post('/api/process-instances').send({ bpmnProcessId: 'vehicle-allocation', variables: { lines: [{ model: 'Rio', quantity: 1 }] } });
    // a process the user may not start answers as if it did not exist
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual({ code: expect.any(String), message: expect.any(String), details: expect.anything() });
  });

  it('refuses an empty request with field errors', async () => {
    const response = await (await server.as('dealer1.manager')).post('/api/process-instances').send({ bpmnProcessId: 'vehicle-allocation', variables: { lines: [{ model: 'Rio', quantity: 0 }] } });
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain('lines.0.quantity');
  });

  it('a request near the limit reaches finance with the exposure; dealer staff never see the money', async () => {
    // dealer3 (Novosibirsk) is 18.7 M into its 20 M limit; dealer3 has no manager, so the admin files for it
    const started = await (await server.as('admin')).post('/api/process-instances').send({ bpmnProcessId: 'vehicle-allocation', variables: { lines: [{ model: 'Rio', quantity: 1 }] }, dealerId: 'dealer3' });
    expect(started.status).toBe(201);
    const { caseRef } = started.body;
    const finance = await taskFor('approver.finance', caseRef, 'DecideOverdraft');
    expect((await tasksOf('approver.sales')).map((t) => t.key)).not.toContain(finance.key);
    const detail = await (await server.as('approver.finance')).get(`/api/tasks/${finance.key}`);
    expect(detail.body.data.exposure).toMatchObject({ creditLimit: 20_000_000, openDebt: 18_700_000, dealerName: 'Автоцентр Новосибирск' });
    const staffView = await (await server.as('dealer3.staff')).get(`/api/process-instances/${started.body.instanceKey}`);
    expect(staffView.status).toBe(200);
    expect(staffView.body.variables.reservation.vins).toHaveLength(1);
    for (const financial of ['reservedAmount', 'exposure', 'credit']) expect(staffView.body.variables).not.toHaveProperty(financial);
    expect((await (await server.as('dealer1.manager')).get(`/api/process-instances/${started.body.instanceKey}`)).status).toBe(404);
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const granted = await (await server.as('approver.finance')).post(`/api/tasks/${finance.key}/complete`).send({ variables: { financeDecision: 'grant', overdraftAmount: 1_000_000, overdraftExpiresAt: expires, decisionReason: 'Оплата ожидается до конца месяца' } });
    expect(granted.status).toBe(204);
    const decide = await taskFor('approver.sales', caseRef, 'DecideAllocation');
    const salesView = await (await server.as('approver.sales')).get(`/api/tasks/${decide.key}`);
    expect(salesView.body.data).toMatchObject({ credit: { outcome: 'overdraft-granted' }, reservedAmount: 1_700_000 });
    const [overdraft] = await server.running.dataSource.query('SELECT grantedBy, amount FROM overdraft');
    expect(overdraft.grantedBy).toBe('approver.finance');
  });

  it('an admin who cancels a request returns its vehicles to stock, audited in the same step', async () => {
    const started = await (await server.as('dealer1.manager')).post('/api/process-instances').send({ bpmnProcessId: 'vehicle-allocation', variables: { lines: [{ model: 'Carnival', quantity: 2 }] } });
    expect(started.status).toBe(201);
    const { caseRef, instanceKey } = started.body;
    await taskFor('approver.sales', caseRef, 'DecideAllocation');
    const held = async () => (await server.running.dataSource.query('SELECT COUNT(*) AS n FROM stock_vehicle WHERE caseRef = ?', [caseRef]))[0].n;
    expect(Number(await held())).toBe(2);
    expect((await (await server.as('dealer1.manager')).post(`/api/process-instances/${instanceKey}/cancel`)).status).toBe(403);
    expect((await (await server.as('admin')).post(`/api/process-instances/${instanceKey}/cancel`)).status).toBe(204);
    expect(Number(await held())).toBe(0);
    const states = await server.running.dataSource.query('SELECT state FROM reservation WHERE caseRef = ?', [caseRef]);
    expect(states.map((r: { state: string }) => r.state)).toEqual(['released', 'released']);
    const audit = await (await server.as('auditor')).get(`/api/audit?instanceKey=${instanceKey}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['stock.reserve', 'stock.release', 'instance.terminate']));
    expect(audit.body.items.find((e: { action: string }) => e.action === 'stock.release').actor).toBe('admin');
  });
});
