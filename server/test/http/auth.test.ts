import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(testDatabases())('sign-in on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database(), {}, { perAccount: 3, perAddress: 20, windowSeconds: 60 });
  });
  afterAll(() => server.stop());

  it('signs a demo user in with an httpOnly session cookie and tells who they are', async () => {
    const agent = server.anonymous();
    const login = await agent.post('/api/auth/login').send({ username: 'dealer1.manager', password: 'demo' });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/df_session=[^;]+;.*httponly/i);
    expect(cookie).toMatch(/samesite=lax/i);

    const me = await agent.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'dealer1.manager', dealerId: 'dealer1', roles: ['dealer-manager'] });
    expect(me.body.dealer).toEqual({ id: 'dealer1', name: 'Автоцентр Москва', region: 'Москва' });
    expect(me.body.rules).toEqual(expect.arrayContaining([expect.arrayContaining(['read', 'Dealer', { id: 'dealer1' }])]));
  });

  it('lets every demo user sign in', async () => {
    for (const username of ['admin', 'approver.warranty', 'approver.sales', 'approver.finance', 'dealer1.manager', 'dealer1.staff', 'dealer2.manager', 'dealer2.staff', 'dealer3.staff', 'auditor']) {
      const response = await server.anonymous().post('/api/auth/login').send({ username, password: 'demo' });
      expect({ username, status: response.status }).toEqual({ username, status: 200 });
    }
  });

  it('gives the candidate groups as role names plus groups', async () => {
    const me = await (await server.as('approver.warranty')).get('/api/me');
    expect(me.body.user.candidateGroups.sort()).toEqual(['distributor-approver', 'warranty']);
    expect(me.body.dealer).toBeNull();
  });

  it('answers 401 to a wrong password and to an unknown user, the same way', async () => {
    const wrong = await server.anonymous().post('/api/auth/login').send({ username: 'auditor', password: 'nope' });
    const unknown = await server.anonymous().post('/api/auth/login').send({ username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ code: 'invalid_credentials', message: 'Wrong username or password', details: null });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('rate-limits an account after repeated failures, even with the right password then', async () => {
    const agent = server.anonymous();
    for (let i = 0; i < 3; i++) {
      expect((await agent.post('/api/auth/login').send({ username: 'dealer2.staff', password: `guess${i}` })).status).toBe(401);
    }
    const blocked = await agent.post('/api/auth/login').send({ username: 'dealer2.staff', password: 'demo' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts from the same address are not locked out by it.
    expect((await agent.post('/api/auth/login').send({ username: 'dealer3.staff', password: 'demo' })).status).toBe(200);
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const agent = server.anonymous();
    await agent.post('/api/auth/login').send({ username: 'dealer3.staff', password: 'demo' });
    expect((await agent.get('/api/me')).status).toBe(200);
    expect((await agent.post('/api/auth/logout')).status).toBe(204);
    const after = await agent.get('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthorized');
  });

  it('records one sign-out when the same session signs out twice at once', async () => {
    const agent = server.anonymous();
    await agent.post('/api/auth/login').send({ username: 'dealer2.manager', password: 'demo' });
    const results = await Promise.all([agent.post('/api/auth/logout'), agent.post('/api/auth/logout'), agent.post('/api/auth/logout')]);
    expect(results.every((r) => r.status === 204 || r.status === 401)).toBe(true);
    const entries = (await (await server.as('admin')).get('/api/audit?limit=1000')).body.items as { action: string; actor: string }[];
    expect(entries.filter((e) => e.action === 'auth.logout' && e.actor === 'dealer2.manager')).toHaveLength(1);
  });

  it('ignores a forged session cookie', async () => {
    const response = await server.anonymous().get('/api/me').set('Cookie', 'df_session=forged; df_session.sig=forged');
    expect(response.status).toBe(401);
  });

  it('still checks each signature after a good session cookie was seen', async () => {
    const login = await server.anonymous().post('/api/auth/login').send({ username: 'dealer1.staff', password: 'demo' });
    const cookies = Object.fromEntries((login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0].split('=') as [string, string]));
    const send = (value: string, signature: string) => server.anonymous().get('/api/me').set('Cookie', `df_session=${value}; df_session.sig=${signature}`);
    expect((await send(cookies.df_session, cookies['df_session.sig'])).body.user.username).toBe('dealer1.staff');
    expect((await send(cookies.df_session, cookies['df_session.sig'])).status).toBe(200);
    // a signature with its first character changed (every bit of the first character counts, and it always differs)
    const signature = cookies['df_session.sig'];
    expect((await send(cookies.df_session, `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`)).status).toBe(401);
    expect((await send(`${cookies.df_session}x`, cookies['df_session.sig'])).status).toBe(401);
  });

  it('rejects a login without the fields, naming them', async () => {
    const response = await server.anonymous().post('/api/auth/login').send({ username: 'admin' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.details).toEqual([{ field: 'password', message: expect.any(String) }]);
  });

  it('records sign-in and sign-out in the audit trail', async () => {
    const admin = await server.as('admin');
    const entries = (await admin.get('/api/audit?limit=1000')).body.items as { action: string; actor: string }[];
    expect(entries.filter((e) => e.action === 'auth.login' && e.actor === 'dealer3.staff').length).toBeGreaterThanOrEqual(1);
    expect(entries.some((e) => e.action === 'auth.logout' && e.actor === 'dealer3.staff')).toBe(true);
  });
});
