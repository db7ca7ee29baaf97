import { AuditEntry } from '../../src/entities/AuditEntry';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

/** Audit entries of refused sign-ins, read straight from the trail (the address is spent, so no admin can sign in). */
async function refusals(server: TestServer, username?: string): Promise<AuditEntry[]> {
  const entries = await server.running.dataSource.getRepository(AuditEntry).find({ where: { subjectType: 'Login', ...(username ? { subjectId: username } : {}) }, order: { seq: 'ASC' } });
  return entries;
}

describe.each(testDatabases())('login limits under parallel attempts on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database(), {}, { perAccount: 5, perAddress: 20, windowSeconds: 600 });
  }, 120_000);
  afterAll(() => server.stop(), 60_000);

  it('checks at most the account limit of 50 parallel attempts', async () => {
    const attempts = Array.from({ length: 50 }, (_, i) => server.anonymous().post('/api/auth/login').send({ username: 'dealer1.staff', password: `guess${i}` }));
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBe(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - checked);
  });

  it('records refused sign-ins with the name tried and the address, never the password, once per throttled budget', async () => {
    const entries = await refusals(server, 'dealer1.staff');
    const failed = entries.filter((e) => e.action === 'auth.login_failed');
    const throttled = entries.filter((e) => e.action === 'auth.login_throttled');
    expect(failed).toHaveLength(5);
    expect(throttled).toHaveLength(1);
    for (const entry of entries) {
      expect(entry.actor).toBe('dealer1.staff');
      expect(entry.payload).not.toMatch(/guess|demo/);
      expect(JSON.parse(entry.payload)).toEqual({ address: expect.any(String), outcome: entry.action === 'auth.login_failed' ? 'invalid_credentials' : 'rate_limited' });
    }
  });

  it('records an unknown username in the same shape as a known one', async () => {
    await server.anonymous().post('/api/auth/login').send({ username: 'auditor', password: 'wrong' });
    await server.anonymous().post('/api/auth/login').send({ username: 'no.such.user', password: 'wrong' });
    const [known] = await refusals(server, 'auditor');
    const [unknown] = await refusals(server, 'no.such.user');
    const shape = (e: AuditEntry) => ({ action: e.action, subjectType: e.subjectType, keys: Object.keys(JSON.parse(e.payload)), actorIsName: e.actor === e.subjectId });
    expect(shape(unknown)).toEqual(shape(known));
  });

  it('checks at most the address limit of 50 parallel attempts on different accounts', async () => {
    const before = (await refusals(server)).filter((e) => e.action === 'auth.login_failed').length;
    const attempts = Array.from({ length: 50 }, (_, i) => server.anonymous().post('/api/auth/login').send({ username: `spray${i}`, password: 'x' }));
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    const failedSoFar = before; // every earlier failure came from this same address
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(Math.max(0, 20 - failedSoFar));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
    // The refused flood leaves a bounded trace: one entry per name checked, one for the spent address.
    const after = await refusals(server);
    expect(after.filter((e) => e.subjectId.startsWith('spray')).length).toBeLessThanOrEqual(20 + 1);
  });
});
