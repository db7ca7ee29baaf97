import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { UserDirectory } from '../../src/auth/UserDirectory';
import type { CurrentUser } from '../../src/auth/CurrentUser';
import { loadConfig } from '../../src/config';
import { User } from '../../src/entities/User';
import { startServer, type RunningServer } from '../../src/server';
import { eventually } from '../support/eventually';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

/**
 * Sessions, users and API tokens are cached per server (AccessEpoch, AccessCache). These runs
 * start two servers on one database, as behind a load balancer: a change made through one is
 * refused at once there, and on the other once its epoch is re-read (about a second; waited
 * for, never timed).
 */
describe.each(testDatabases())('access changes reach every server on %s', (_kind, database) => {
  let db: TestDatabase;
  let one: RunningServer;
  let two: RunningServer;
  let admin: CurrentUser;
  beforeAll(async () => {
    db = database();
    const databaseUrl = await db.create();
    const config = (demo: boolean) => ({ ...loadConfig({ DEMO_DATA: demo ? 'on' : 'off' }), databaseUrl, port: 0, webRoot: '/nonexistent', attachmentsDir: mkdtempSync(join(tmpdir(), 'dealerflow-files-')) });
    one = await startServer(config(true), { logger: pino({ level: 'silent' }) });
    two = await startServer(config(false), { logger: pino({ level: 'silent' }) });
    admin = await userNamed('admin');
  });
  afterAll(async () => {
    await two.close();
    await one.close();
    await db.drop();
  });

  async function userNamed(username: string): Promise<CurrentUser> {
    return new UserDirectory(one.dataSource).withAbility(await one.dataSource.getRepository(User).findOneByOrFail({ username }));
  }
  /** The session cookie of `username`, signed in on server one. */
  async function signIn(username: string): Promise<{ agent: TestAgent; cookie: string }> {
    const agent = request.agent(one.url);
    const response = await agent.post('/api/auth/login').send({ username, password: 'demo' });
    expect(response.status).toBe(200);
    return { agent, cookie: ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ') };
  }
  const get = (server: RunningServer, path: string, headers: Record<string, string>) => request(server.url).get(path).set(headers);
  /** Waits until server two answers `status` (it re-reads the epoch within a second). */
  const onTwo = (path: string, headers: Record<string, string>, status: number) => eventually(async () => {
    expect((await get(two, path, headers)).status).toBe(status);
  });

  it('refuses a session once it is signed out, on both servers', async () => {
    const { agent, cookie } = await signIn('dealer1.manager');
    expect((await get(one, '/api/me', { cookie })).status).toBe(200);
    expect((await get(two, '/api/me', { cookie })).status).toBe(200);
    expect((await agent.post('/api/auth/logout')).status).toBeLessThan(300);
    expect((await get(one, '/api/me', { cookie })).status).toBe(401);
    await onTwo('/api/me', { cookie }, 401);
    expect((await get(two, '/api/tasks', { cookie })).status).toBe(401);
  });

  it('takes a removed role away from the next request, on both servers', async () => {
    const { cookie } = await signIn('auditor');
    expect((await get(one, '/api/audit?limit=1', { cookie })).status).toBe(200);
    expect((await get(two, '/api/audit?limit=1', { cookie })).status).toBe(200);
    const auditor = await userNamed('auditor');
    await one.services.userAdmin.setRoles(admin, auditor.id, []);
    expect((await get(one, '/api/audit?limit=1', { cookie })).status).toBe(403);
    await onTwo('/api/audit?limit=1', { cookie }, 403);
    expect((await get(two, '/api/me', { cookie })).body.user).toMatchObject({ username: 'auditor', roles: [] });
    // and given back, it works again
    await one.services.userAdmin.setRoles(admin, auditor.id, ['auditor']);
    expect((await get(one, '/api/audit?limit=1', { cookie })).status).toBe(200);
    await onTwo('/api/audit?limit=1', { cookie }, 200);
  });

  it('refuses a disabled user\'s sessions and sign-ins, on both servers', async () => {
    const { cookie } = await signIn('dealer2.staff');
    expect((await get(two, '/api/tasks', { cookie })).status).toBe(200);
    const staff = await userNamed('dealer2.staff');
    await one.services.userAdmin.setDisabled(admin, staff.id, true);
    expect((await get(one, '/api/tasks', { cookie })).status).toBe(401);
    await onTwo('/api/tasks', { cookie }, 401);
    expect((await request(two.url).post('/api/auth/login').send({ username: 'dealer2.staff', password: 'demo' })).status).toBe(401);
    const audit = await one.services.auditQuery.page(admin, { subjectId: staff.id, action: 'user.disable' });
    expect(audit.items.map((entry) => [entry.action, entry.actor])).toEqual([['user.disable', 'admin']]);
  });

  it('refuses a revoked API token, on both servers', async () => {
    const { agent } = await signIn('admin');
    const created = await agent.post('/api/api-tokens').send({ name: 'dms-two-servers', roles: ['dealer-staff'], dealerId: 'dealer1', expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(created.status).toBe(201);
    const bearer = { authorization: `Bearer ${created.body.secret as string}` };
    expect((await get(one, '/api/tasks', bearer)).status).toBe(200);
    expect((await get(two, '/api/tasks', bearer)).status).toBe(200);
    expect((await agent.post(`/api/api-tokens/${created.body.token.id as string}/revoke`)).status).toBe(200);
    const refused = await get(one, '/api/tasks', bearer);
    expect([refused.status, refused.body.code]).toEqual([401, 'token_revoked']);
    await onTwo('/api/tasks', bearer, 401);
  });
});
