import { createHash } from 'node:crypto';
import { AuditEntry } from '../../src/entities/AuditEntry';
import { ApiToken } from '../../src/tokens/ApiToken';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface Created { token: { id: string; name: string; roles: string[]; dealerId: string | null; dealerName: string | null; lastUsedAt: string | null; revokedAt: string | null }; secret: string }

const RATE_LIMIT = 25;
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();

describe.each(testDatabases())('API tokens on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database(), { API_TOKEN_RATE_LIMIT: String(RATE_LIMIT) });
  });
  afterAll(() => server.stop());

  const create = async (body: object) => (await server.as('admin')).post('/api/api-tokens').send(body);
  const issue = async (body: Partial<{ name: string; roles: string[]; dealerId: string | null; expiresAt: string }>): Promise<Created> => {
    const response = await create({ name: 'dms', roles: ['dealer-staff'], expiresAt: inDays(30), ...body });
    if (response.status !== 201) throw new Error(`token not created: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Created;
  };
  const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
  const auditOf = (id: string) => server.running.dataSource.getRepository(AuditEntry).findBy({ subjectType: 'ApiToken', subjectId: id });
  const rowOf = (id: string) => server.running.dataSource.getRepository(ApiToken).createQueryBuilder('t').addSelect('t.secretHash').where('t.id = :id', { id }).getOneOrFail();

  it('shows the secret once at creation, stores only its hash and audits the creation', async () => {
    // when an admin creates a token for dealer1's DMS
    const response = await create({ name: 'DMS Москва', roles: ['dealer-staff'], dealerId: 'dealer1', expiresAt: inDays(90) });

    // then the answer carries the secret, recognisable by its prefix
    expect(response.status).toBe(201);
    const { token, secret } = response.body as Created;
    expect(secret).toMatch(/^dft_[A-Za-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(secret).toContain(token.id);
    expect(token).toMatchObject({ name: 'DMS Москва', roles: ['dealer-staff'], dealerId: 'dealer1', dealerName: expect.any(String), lastUsedAt: null, revokedAt: null });

    // and the database keeps its SHA-256, never the secret
    const row = await rowOf(token.id);
    expect(row.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    const [raw] = await server.running.dataSource.query('SELECT * FROM api_token WHERE id = ?', [token.id]);
    expect(JSON.stringify(raw)).not.toContain(secret.slice(token.id.length + 5));

    // and the list never shows it again
    const list = await (await server.as('admin')).get('/api/api-tokens');
    expect(list.status).toBe(200);
    const listed = (list.body.items as Record<string, unknown>[]).find((t) => t.id === token.id);
    expect(listed).toMatchObject({ name: 'DMS Москва', createdBy: 'admin' });
    expect(JSON.stringify(list.body)).not.toContain(secret.slice(token.id.length + 5));
    expect(JSON.stringify(list.body)).not.toContain(row.secretHash);

    // and exactly one audit entry names the admin, without the secret
    const entries = await auditOf(token.id);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([['apiToken.create', 'admin']]);
    expect(entries[0].payload).not.toContain(secret.slice(token.id.length + 5));
  });

  it('authenticates a bearer call with the account\'s roles and dealer scope, and records its last use', async () => {
    // given a dealer1-scoped and a dealer2-scoped token with the dealer-staff role
    const moscow = await issue({ name: 'dms-dealer1', dealerId: 'dealer1' });
    const kazan = await issue({ name: 'dms-dealer2', dealerId: 'dealer2' });

    // when each lists the tasks
    const moscowTasks = await server.anonymous().get('/api/tasks?limit=200').set(bearer(moscow.secret));
    const kazanTasks = await server.anonymous().get('/api/tasks?limit=200').set(bearer(kazan.secret));

    // then each sees only its own dealer's tasks (and the demo data has tasks in both)
    expect(moscowTasks.status).toBe(200);
    const dealersOf = (items: { dealerId: string | null }[]) => [...new Set(items.map((t) => t.dealerId))];
    expect(dealersOf(moscowTasks.body.items)).toEqual(['dealer1']);
    expect(dealersOf(kazanTasks.body.items)).toEqual(['dealer2']);

    // and /api/me names the service account, its roles and dealer
    const me = await server.anonymous().get('/api/me').set(bearer(moscow.secret));
    expect(me.body.user).toMatchObject({ username: 'api:dms-dealer1', roles: ['dealer-staff'], dealerId: 'dealer1' });

    // and the account may not do what its roles do not grant: dealer-staff reads no audit trail
    expect((await server.anonymous().get('/api/audit/verify').set(bearer(moscow.secret))).status).toBe(403);

    // and the last use is recorded
    expect((await rowOf(moscow.token.id)).lastUsedAt).toBeInstanceOf(Date);
    const listed = (await (await server.as('admin')).get('/api/api-tokens')).body.items as { id: string; lastUsedAt: string | null }[];
    expect(listed.find((t) => t.id === moscow.token.id)?.lastUsedAt).toEqual(expect.any(String));
  });

  it('names the service account as the actor of what its calls change', async () => {
    // given a process-admin token
    const admin = await issue({ name: 'ci-deployer', roles: ['process-admin'] });
    // when it changes a dealer's territory
    const response = await server.anonymous().patch('/api/dealers/dealer3').set(bearer(admin.secret)).send({ territoryCodes: ['54', '42'] });
    // then the audit entry names the service account
    expect(response.status).toBe(200);
    const entries = await server.running.dataSource.getRepository(AuditEntry).findBy({ subjectType: 'Dealer', subjectId: 'dealer3' });
    expect(entries.map((e) => e.actor)).toEqual(['api:ci-deployer']);
  });

  it('answers 401 with a code saying why for revoked, expired, unknown and malformed tokens', async () => {
    const revoked = await issue({ name: 'old-1c' });
    const expired = await issue({ name: 'expired-1c' });
    await server.running.dataSource.getRepository(ApiToken).update({ id: expired.token.id }, { expiresAt: new Date(Date.now() - 1000) });

    // when the admin revokes one
    const revocation = await (await server.as('admin')).post(`/api/api-tokens/${revoked.token.id}/revoke`);
    expect(revocation.status).toBe(200);
    expect(revocation.body).toMatchObject({ id: revoked.token.id, revokedBy: 'admin', revokedAt: expect.any(String) });
    expect((await auditOf(revoked.token.id)).map((e) => e.action)).toEqual(['apiToken.create', 'apiToken.revoke']);

    // then calls with it are refused at once
    const refusal = async (authorization: string) => {
      const response = await server.anonymous().get('/api/tasks').set('Authorization', authorization);
      expect(response.status).toBe(401);
      return response.body.code as string;
    };
    expect(await refusal(`Bearer ${revoked.secret}`)).toBe('token_revoked');
    expect(await refusal(`Bearer ${expired.secret}`)).toBe('token_expired');
    // a right id with a wrong secret, a made-up token, and a bearer without a token
    expect(await refusal(`Bearer ${revoked.secret.slice(0, -4)}AAAA`)).toBe('invalid_token');
    expect(await refusal(`Bearer dft_${'x'.repeat(16)}_${'y'.repeat(43)}`)).toBe('invalid_token');
    expect(await refusal('Bearer')).toBe('invalid_token');

    // and a second revocation is a 409, an unknown id a 404
    expect((await (await server.as('admin')).post(`/api/api-tokens/${revoked.token.id}/revoke`)).status).toBe(409);
    expect((await (await server.as('admin')).post('/api/api-tokens/nope/revoke')).status).toBe(404);
    expect((await auditOf(revoked.token.id)).length).toBe(2);
  });

  it('never takes a token from the query string', async () => {
    const token = await issue({ name: 'query-string' });
    for (const param of ['access_token', 'token', 'bearer']) {
      const response = await server.anonymous().get(`/api/me?${param}=${encodeURIComponent(token.secret)}`);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('unauthorized');
    }
    expect((await rowOf(token.token.id)).lastUsedAt).toBeNull();
  });

  it('rate-limits each token on its own: 429 with Retry-After once its budget is spent', async () => {
    const busy = await issue({ name: 'busy' });
    const calm = await issue({ name: 'calm' });
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i++) statuses.push((await server.anonymous().get('/api/me').set(bearer(busy.secret))).status);
    expect(statuses.every((s) => s === 200)).toBe(true);

    const limited = await server.anonymous().get('/api/me').set(bearer(busy.secret));
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // another token's budget is untouched
    expect((await server.anonymous().get('/api/me').set(bearer(calm.secret))).status).toBe(200);
  });

  it('lets bearer requests through the cross-site check but keeps them off people\'s routes', async () => {
    const token = await issue({ name: 'cross-site', roles: ['process-admin'] });
    // a bearer request carries no cookie-borne authority, so an Origin header does not matter
    const patched = await server.anonymous().patch('/api/dealers/dealer2').set(bearer(token.secret)).set('Origin', 'https://erp.example.com').set('Sec-Fetch-Site', 'cross-site').send({ rating: 4.5 });
    expect(patched.status).toBe(200);
    // while a cookie request from that origin is still refused
    const cookie = await (await server.as('admin')).patch('/api/dealers/dealer2').set('Origin', 'https://erp.example.com').send({ rating: 4.4 });
    expect(cookie.status).toBe(403);
    // routes bound to a person's session refuse tokens
    for (const [method, path] of [['post', '/api/auth/logout'], ['get', '/api/me/views'], ['get', '/api/tasks/stream']] as const) {
      const response = await server.anonymous()[method](path).set(bearer(token.secret));
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('not_for_api_tokens');
    }
  });

  it('answers 400 for bad requests and stores nothing; only admins manage tokens', async () => {
    const before = await server.running.dataSource.getRepository(ApiToken).count();
    const cases: [object, string][] = [
      [{ roles: ['integration'], expiresAt: inDays(1) }, 'name'],
      [{ name: ' padded ', roles: ['integration'], expiresAt: inDays(1) }, 'name'],
      [{ name: 'x'.repeat(61), roles: ['integration'], expiresAt: inDays(1) }, 'name'],
      [{ name: 'ok', roles: [], expiresAt: inDays(1) }, 'roles'],
      [{ name: 'ok', roles: ['root'], expiresAt: inDays(1) }, 'roles'],
      [{ name: 'ok', roles: ['integration'], dealerId: 'dealer9', expiresAt: inDays(1) }, 'dealerId'],
      [{ name: 'ok', roles: ['integration'], expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ name: 'ok', roles: ['integration'], expiresAt: inDays(-1) }, 'expiresAt'],
      [{ name: 'ok', roles: ['integration'], expiresAt: inDays(1000) }, 'expiresAt'],
      [{ name: 'ok', roles: ['integration'], expiresAt: inDays(1), secretHash: 'aa' }, 'secretHash'],
    ];
    for (const [body, field] of cases) {
      const response = await create(body);
      expect([response.status, field]).toEqual([400, field]);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    for (const username of ['dealer1.manager', 'approver.sales', 'auditor']) {
      const agent = await server.as(username);
      expect((await agent.get('/api/api-tokens')).status).toBe(403);
      expect((await agent.post('/api/api-tokens').send({ name: 'sneaky', roles: ['process-admin'], expiresAt: inDays(1) })).status).toBe(403);
    }
    expect((await server.anonymous().get('/api/api-tokens')).status).toBe(401);
    expect(await server.running.dataSource.getRepository(ApiToken).count()).toBe(before);
  });

  it('revokes a token exactly once when two admins click at the same moment', async () => {
    const token = await issue({ name: 'double-click' });
    const agent = await server.as('admin');
    const answers = await Promise.all([1, 2, 3].map(() => agent.post(`/api/api-tokens/${token.token.id}/revoke`)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect((await auditOf(token.token.id)).map((e) => e.action)).toEqual(['apiToken.create', 'apiToken.revoke']);
  });
});
