import type TestAgent from 'supertest/lib/agent';
import { deployReview, openReview } from '../support/reviewProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const EVIL = 'http://evil.example';
const FRIEND = 'https://portal.dealerflow.example';

/** The ways a browser marks a request another site's page made: its Origin, or its Sec-Fetch-Site. */
const crossSite: [string, Record<string, string>][] = [
  ['Origin of another site', { Origin: EVIL }],
  ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
  ['Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site', Origin: 'http://other.127.0.0.1.example' }],
  ['Origin: null', { Origin: 'null' }],
];

describe.each(testDatabases())('cross-site requests on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database(), { ALLOWED_ORIGINS: FRIEND });
    await deployReview(server);
  }, 120_000);
  afterAll(() => server.stop(), 60_000);

  const post = (agent: TestAgent, path: string, headers: Record<string, string>) => agent.post(path).set(headers);
  const assigneeOf = async (key: string) => (await (await server.as('admin')).get(`/api/tasks/${key}`)).body.task.assignee as string | null;

  it.each(crossSite)('refuses claim and unclaim with an empty body (%s), changing nothing', async (_name, headers) => {
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    const staff = await server.as('dealer1.staff');
    const claim = await post(staff, `/api/tasks/${task.key}/claim`, headers);
    expect(claim.status).toBe(403);
    expect(claim.body).toEqual({ code: 'cross_site_request', message: expect.any(String), details: expect.any(Object) });
    expect(await assigneeOf(task.key)).toBeNull();

    expect((await staff.post(`/api/tasks/${task.key}/claim`)).status).toBe(200);
    expect((await post(staff, `/api/tasks/${task.key}/unclaim`, headers)).status).toBe(403);
    expect(await assigneeOf(task.key)).toBe('dealer1.staff');
  });

  it.each(crossSite)('refuses cancel and rollback (%s), changing nothing', async (_name, headers) => {
    const admin = await server.as('admin');
    const task = await openReview(server, 'dealer2', 'dealer2.staff');
    expect((await post(admin, `/api/process-instances/${task.processInstanceKey}/cancel`, headers)).status).toBe(403);
    expect((await admin.get(`/api/process-instances/${task.processInstanceKey}`)).body.state).toBe('ACTIVE');

    const versionsBefore = (await admin.get('/api/processes/dealer-review/versions')).body.items.length as number;
    expect((await post(admin, '/api/processes/dealer-review/versions/1/rollback', headers)).status).toBe(403);
    expect((await admin.get('/api/processes/dealer-review/versions')).body.items).toHaveLength(versionsBefore);
  });

  it.each(crossSite)('refuses logout (%s): the session stays open', async (_name, headers) => {
    const agent = server.anonymous();
    expect((await agent.post('/api/auth/login').send({ username: 'dealer3.staff', password: 'demo' })).status).toBe(200);
    expect((await post(agent, '/api/auth/logout', headers)).status).toBe(403);
    expect((await agent.get('/api/me')).status).toBe(200);
  });

  it('lets the app itself, configured origins and clients without browser headers through', async () => {
    const admin = await server.as('admin');
    const own = server.running.url;
    const allowed: Record<string, string>[] = [{ Origin: own, 'Sec-Fetch-Site': 'same-origin' }, { Origin: FRIEND }, {}, { 'Sec-Fetch-Site': 'none' }];
    for (const headers of allowed) {
      const task = await openReview(server, 'dealer1', 'dealer1.staff');
      const claim = await post(await server.as('dealer1.staff'), `/api/tasks/${task.key}/claim`, headers);
      expect({ headers, status: claim.status }).toEqual({ headers, status: 200 });
    }
    // Reading stays open to any origin: GET changes nothing.
    expect((await admin.get('/api/me').set('Origin', EVIL).set('Sec-Fetch-Site', 'cross-site')).status).toBe(200);
  });

  it('refuses a cross-site sign-in too (login CSRF)', async () => {
    const response = await server.anonymous().post('/api/auth/login').set('Origin', EVIL).send({ username: 'dealer1.staff', password: 'demo' });
    expect(response.status).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('lets bearer requests through, but never with the authority of a cookie sent alongside', async () => {
    const created = await (await server.as('admin')).post('/api/api-tokens').send({ name: 'cross-site', roles: ['dealer-staff'], dealerId: 'dealer1', expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    const staff = await server.as('dealer1.staff');
    // a cross-site request with the user's cookie and a made-up bearer: the bearer decides, and it is no good
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    const forged = await post(staff, `/api/tasks/${task.key}/claim`, { Origin: EVIL, 'Sec-Fetch-Site': 'cross-site', Authorization: `Bearer dft_${'a'.repeat(16)}_${'b'.repeat(43)}` });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('invalid_token');
    expect(await assigneeOf(task.key)).toBeNull();
    // a real token from another origin (a server-side integration) claims as its service account
    const claimed = await post(server.anonymous(), `/api/tasks/${task.key}/claim`, { Origin: EVIL, Authorization: `Bearer ${created.body.secret as string}` });
    expect(claimed.status).toBe(200);
    expect(await assigneeOf(task.key)).toBe('api:cross-site');
  });
});
