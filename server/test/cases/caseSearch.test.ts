import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface Row { key: string; caseRef: string; bpmnProcessId: string; processName: string; state: string; dealerId: string; vin: string | null; customerName: string | null; currentSteps: { elementId: string; name: string }[]; startedAt: string }

const claim = { mileage: 30000, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Стеклоподъёмник не работает', parts: [{ partNumber: '6RU837461', name: 'Стеклоподъёмник', quantity: 1, price: 48900 }], labourHours: 1.5 };

describe.each(testDatabases())('the Cases search on %s', (_kind, database) => {
  let server: TestServer;
  const filed: Record<string, { instanceKey: string; caseRef: string }> = {};
  beforeAll(async () => {
    server = await startTestServer(database());
    const file = async (username: string, vin: string, customerName: string) => {
      const response = await (await server.as(username)).post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: { ...claim, vin, customerName } });
      expect(response.status).toBe(201);
      return response.body as { instanceKey: string; caseRef: string };
    };
    filed.ivanov = await file('dealer1.staff', 'XW8ZZZ61ZPG000001', 'Иванов Пётр');
    filed.ivanova = await file('dealer1.staff', 'XW8ZZZ61ZPG000002', 'Иванова Анна');
    filed.petrov = await file('dealer2.staff', 'XW8ZZZ61ZPG000003', 'Петров Олег');
  });
  afterAll(() => server.stop());

  const search = async (query: string, username = 'approver.warranty') => {
    const response = await (await server.as(username)).get(`/api/cases${query}`);
    expect(response.status).toBe(200);
    return response.body as { items: Row[]; nextCursor: string | null };
  };
  const keys = async (query: string, username?: string) => (await search(query, username)).items.map((row) => row.key);

  it('finds the claim a dealer just filed by its VIN, with its process, customer and current step', async () => {
    const { items } = await search('?vin=xw8zzz61zpg000001', 'dealer1.staff');
    expect(items).toEqual([expect.objectContaining({
      key: filed.ivanov.instanceKey, caseRef: filed.ivanov.caseRef, bpmnProcessId: 'warranty-claim', state: 'active', dealerId: 'dealer1',
      vin: 'XW8ZZZ61ZPG000001', customerName: 'Иванов Пётр', currentSteps: [{ elementId: 'DecideClaim', name: expect.any(String) }],
    })]);
    expect(items[0].processName).not.toBe('warranty-claim');
  });

  it('shows a dealer only its own cases and the distributor every dealer', async () => {
    const byDealer1 = await search('?vin=XW8ZZZ61ZPG', 'dealer1.staff');
    expect(byDealer1.items.map((row) => row.key).sort()).toEqual([filed.ivanov.instanceKey, filed.ivanova.instanceKey].sort());
    expect((await search('', 'dealer2.staff')).items.every((row) => row.dealerId === 'dealer2')).toBe(true);
    expect(await keys('?vin=XW8ZZZ61ZPG000003', 'dealer1.staff')).toEqual([]);
    expect(await keys('?vin=XW8ZZZ61ZPG')).toEqual([filed.petrov.instanceKey, filed.ivanova.instanceKey, filed.ivanov.instanceKey]);
    expect(await keys('?vin=XW8ZZZ61ZPG&dealerId=dealer2')).toEqual([filed.petrov.instanceKey]);
  });

  it('searches by the start of a customer name in any case, of a reference, and by process, state and dates', async () => {
    expect(await keys('?customer=иванов')).toEqual([filed.ivanova.instanceKey, filed.ivanov.instanceKey]);
    expect(await keys('?customer=ИВАНОВА%20%20анна')).toEqual([filed.ivanova.instanceKey]);
    expect(await keys('?customer=ванов')).toEqual([]);
    expect(await keys(`?ref=${filed.petrov.caseRef.toLowerCase()}`)).toEqual([filed.petrov.instanceKey]);
    expect(await keys(`?ref=${filed.petrov.caseRef.slice(0, 3)}&vin=XW8ZZZ61ZPG000003`)).toEqual([filed.petrov.instanceKey]);
    expect(await keys('?vin=XW8ZZZ61ZPG&processId=vehicle-allocation')).toEqual([]);
    expect(await keys('?vin=XW8ZZZ61ZPG&state=completed')).toEqual([]);
    expect(await keys('?vin=XW8ZZZ61ZPG&state=active')).toHaveLength(3);
    const today = new Date().toISOString().slice(0, 10);
    expect(await keys(`?vin=XW8ZZZ61ZPG&from=${today}&to=${today}`)).toHaveLength(3);
    expect(await keys('?vin=XW8ZZZ61ZPG&to=2020-01-01')).toEqual([]);
    expect(await keys('?vin=XW8ZZZ61ZPG&from=2999-01-01')).toEqual([]);
  });

  it('treats wildcards in a search as plain characters', async () => {
    expect(await keys('?vin=%25')).toEqual([]);
    expect(await keys('?customer=_')).toEqual([]);
  });

  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const all = await search('?limit=200');
    const started = all.items.map((row) => row.startedAt);
    expect([...started].sort().reverse()).toEqual(started);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Row[]; nextCursor: string | null } = await search(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((row) => row.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((row) => row.key));
  });

  it('names the processes cases belong to, for the process filter', async () => {
    const response = await (await server.as('dealer1.staff')).get('/api/cases/processes');
    expect(response.status).toBe(200);
    const warranty = (response.body.items as { bpmnProcessId: string; name: string }[]).find((p) => p.bpmnProcessId === 'warranty-claim');
    expect(warranty?.name).toEqual(expect.any(String));
    expect(warranty?.name).not.toBe('warranty-claim');
    expect((await server.anonymous().get('/api/cases/processes')).status).toBe(401);
  });

  it('answers bad searches with a 400 naming the field', async () => {
    const client = await server.as('admin');
    for (const [query, field] of [['?from=2026-13-01', 'from'], ['?vin=%20', 'vin'], ['?state=open', 'state'], ['?cursor=abc', 'cursor'], ['?sort=x', 'sort']]) {
      const response = await client.get(`/api/cases${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.details)).toContain(field);
    }
  });
});
