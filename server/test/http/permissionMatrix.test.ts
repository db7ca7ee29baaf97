import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

type Expect = number | { status: number; ids?: string[]; hasCreditLimit?: boolean; count?: number };

/** One row: who, what request, and what they must get. "own" is dealer1, "other" dealer2. */
interface Case {
  who: string;
  what: string;
  method: 'get' | 'patch';
  path: string;
  body?: object;
  expect: Expect;
}

const everyDealer = ['dealer1', 'dealer2', 'dealer3'];
const d1 = ['dealer1'];
const cases: Case[] = [
  // listing dealers: SQL-filtered to what the role may read, financial field only where granted
  { who: 'admin', what: 'lists all dealers with credit limits', method: 'get', path: '/api/dealers', expect: { status: 200, ids: everyDealer, hasCreditLimit: true } },
  { who: 'approver.finance', what: 'lists all dealers with credit limits', method: 'get', path: '/api/dealers', expect: { status: 200, ids: everyDealer, hasCreditLimit: true } },
  { who: 'auditor', what: 'lists all dealers', method: 'get', path: '/api/dealers', expect: { status: 200, ids: everyDealer, hasCreditLimit: true } },
  { who: 'dealer1.manager', what: 'lists only its dealer, with the credit limit', method: 'get', path: '/api/dealers', expect: { status: 200, ids: d1, hasCreditLimit: true } },
  { who: 'dealer1.staff', what: 'lists only its dealer, without the credit limit', method: 'get', path: '/api/dealers', expect: { status: 200, ids: d1, hasCreditLimit: false } },
  // reading one dealer
  { who: 'dealer1.manager', what: 'reads own dealer', method: 'get', path: '/api/dealers/dealer1', expect: { status: 200, hasCreditLimit: true } },
  { who: 'dealer1.staff', what: 'reads own dealer masked', method: 'get', path: '/api/dealers/dealer1', expect: { status: 200, hasCreditLimit: false } },
  { who: 'dealer1.manager', what: 'gets 404 for another dealer', method: 'get', path: '/api/dealers/dealer2', expect: 404 },
  { who: 'dealer1.staff', what: 'gets 404 for another dealer', method: 'get', path: '/api/dealers/dealer2', expect: 404 },
  { who: 'approver.warranty', what: 'reads any dealer', method: 'get', path: '/api/dealers/dealer2', expect: { status: 200, hasCreditLimit: true } },
  { who: 'admin', what: 'gets 404 for a dealer that does not exist', method: 'get', path: '/api/dealers/dealer9', expect: 404 },
  // changing a dealer
  { who: 'admin', what: 'changes a credit limit', method: 'patch', path: '/api/dealers/dealer2', body: { creditLimit: 26_000_000 }, expect: 200 },
  { who: 'dealer1.manager', what: 'changes own territory', method: 'patch', path: '/api/dealers/dealer1', body: { territoryCodes: ['77', '50', '69'] }, expect: 200 },
  { who: 'dealer1.manager', what: 'may not change own credit limit', method: 'patch', path: '/api/dealers/dealer1', body: { creditLimit: 1 }, expect: 403 },
  { who: 'dealer1.manager', what: 'gets 404 changing another dealer', method: 'patch', path: '/api/dealers/dealer2', body: { territoryCodes: ['16'] }, expect: 404 },
  { who: 'dealer1.staff', what: 'may not change own territory', method: 'patch', path: '/api/dealers/dealer1', body: { territoryCodes: ['77'] }, expect: 403 },
  { who: 'dealer1.staff', what: 'gets 404 changing another dealer', method: 'patch', path: '/api/dealers/dealer2', body: { territoryCodes: ['16'] }, expect: 404 },
  { who: 'approver.sales', what: 'may read but not change a dealer', method: 'patch', path: '/api/dealers/dealer2', body: { rating: 5 }, expect: 403 },
  { who: 'auditor', what: 'may read but not change a dealer', method: 'patch', path: '/api/dealers/dealer3', body: { rating: 5 }, expect: 403 },
  // the user directory
  { who: 'admin', what: 'lists every user', method: 'get', path: '/api/users', expect: { status: 200, count: 11 } },
  { who: 'approver.sales', what: 'lists every user', method: 'get', path: '/api/users', expect: { status: 200, count: 11 } },
  { who: 'dealer1.manager', what: 'lists own dealer users only', method: 'get', path: '/api/users', expect: { status: 200, count: 2 } },
  { who: 'dealer2.staff', what: 'lists own dealer users only', method: 'get', path: '/api/users', expect: { status: 200, count: 2 } },
  { who: 'dealer3.staff', what: 'lists own dealer users only', method: 'get', path: '/api/users', expect: { status: 200, count: 1 } },
  // the audit trail
  { who: 'auditor', what: 'reads the audit trail', method: 'get', path: '/api/audit', expect: 200 },
  { who: 'auditor', what: 'verifies the audit trail', method: 'get', path: '/api/audit/verify', expect: 200 },
  { who: 'admin', what: 'verifies the audit trail', method: 'get', path: '/api/audit/verify', expect: 200 },
  { who: 'approver.warranty', what: 'may not read the audit trail', method: 'get', path: '/api/audit', expect: 403 },
  { who: 'dealer1.manager', what: 'may not read the audit trail', method: 'get', path: '/api/audit', expect: 403 },
  { who: 'dealer1.staff', what: 'may not verify the audit trail', method: 'get', path: '/api/audit/verify', expect: 403 },
];

describe.each(testDatabases())('permission matrix on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  it.each(cases)('$who $what ($method $path)', async ({ who, method, path, body, expect: expected }) => {
    const agent = await server.as(who);
    const response = method === 'get' ? await agent.get(path) : await agent.patch(path).send(body ?? {});
    const want = typeof expected === 'number' ? { status: expected } : expected;
    expect(response.status).toBe(want.status);
    if (want.status >= 400) expect(response.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    const records: Record<string, unknown>[] = response.body.items ?? [response.body];
    if (want.ids) expect(records.map((r) => r.id)).toEqual(want.ids);
    if (want.count !== undefined) expect(records).toHaveLength(want.count);
    if (want.hasCreditLimit !== undefined) {
      for (const record of records) expect('creditLimit' in record).toBe(want.hasCreditLimit);
    }
  });

  it('never shows another dealer user to a dealer user, by id either', async () => {
    const admin = await server.as('admin');
    const everyone: { id: string; username: string; dealerId: string | null }[] = (await admin.get('/api/users')).body.items;
    const dealer2Staff = everyone.find((u) => u.username === 'dealer2.staff')!;
    const dealer1Staff = everyone.find((u) => u.username === 'dealer1.staff')!;
    const asDealer1 = await server.as('dealer1.staff');
    expect((await asDealer1.get(`/api/users/${dealer2Staff.id}`)).status).toBe(404);
    expect((await asDealer1.get(`/api/users/${dealer1Staff.id}`)).status).toBe(200);
    expect(Object.keys((await asDealer1.get(`/api/users/${dealer1Staff.id}`)).body)).not.toContain('passwordHash');
  });

  it('keeps a refused change unmade and unaudited', async () => {
    const admin = await server.as('admin');
    const before = (await admin.get('/api/audit?limit=1000')).body.items.length;
    await (await server.as('dealer1.staff')).patch('/api/dealers/dealer1').send({ territoryCodes: ['00'] });
    expect((await admin.get('/api/dealers/dealer1')).body.territoryCodes).not.toEqual(['00']);
    expect((await admin.get('/api/audit?limit=1000')).body.items.length).toBe(before);
  });

  it('audits an allowed change with before and after', async () => {
    const admin = await server.as('admin');
    await admin.patch('/api/dealers/dealer3').send({ rating: 4.1 });
    const entries = (await admin.get('/api/audit?subjectType=Dealer&subjectId=dealer3')).body.items;
    expect(entries.at(-1)).toMatchObject({ actor: 'admin', action: 'dealer.update', payload: { before: { rating: 3.9 }, after: { rating: 4.1 } } });
  });

  it('refuses everything to a request without a session', async () => {
    for (const path of ['/api/me', '/api/dealers', '/api/dealers/dealer1', '/api/users', '/api/audit', '/api/audit/verify']) {
      const response = await server.anonymous().get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
    }
  });
});
