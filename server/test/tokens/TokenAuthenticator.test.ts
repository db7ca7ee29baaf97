import { DataSource } from 'typeorm';
import { AuditTrail } from '../../src/audit/AuditTrail';
import { AccessEpoch } from '../../src/auth/AccessEpoch';
import type { CurrentUser } from '../../src/auth/CurrentUser';
import { dataSourceOptions } from '../../src/db/createDataSource';
import { ensureRoles, seedDemoData } from '../../src/demo/seed';
import { defineAbilityFor } from '../../src/permissions/defineAbilityFor';
import { ApiToken } from '../../src/tokens/ApiToken';
import { ApiTokenService } from '../../src/tokens/ApiTokenService';
import { TokenAuthenticator } from '../../src/tokens/TokenAuthenticator';
import { TokenRateLimit } from '../../src/tokens/TokenRateLimit';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

const admin: CurrentUser = { id: 'u-admin', username: 'admin', displayName: 'Admin', dealerId: null, roles: ['process-admin'], groups: [], locale: 'ru', ability: defineAbilityFor({ id: 'u-admin', username: 'admin', dealerId: null, groups: [] }, [{ action: 'manage', subject: 'all' }]) };

describe.each(testDatabases())('tokens, service by service, on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let now = new Date('2026-12-01T10:00:00Z');
  const clock = () => new Date(now);
  let tokens: ApiTokenService;
  let auth: TokenAuthenticator;
  beforeAll(async () => {
    db = database();
    dataSource = new DataSource(dataSourceOptions(await db.create()));
    await dataSource.initialize();
    await dataSource.runMigrations();
    const audit = new AuditTrail(dataSource);
    await ensureRoles(dataSource, audit);
    await seedDemoData(dataSource, audit);
    const access = new AccessEpoch(dataSource);
    tokens = new ApiTokenService(dataSource, audit, access, clock);
    auth = new TokenAuthenticator(dataSource, new TokenRateLimit(1000), access, clock);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });
  const lastUsed = async (id: string) => (await dataSource.getRepository(ApiToken).findOneByOrFail({ id })).lastUsedAt?.toISOString() ?? null;

  it('builds the principal from the account\'s roles and dealer, so CASL conditions apply to it', async () => {
    const { token, secret } = await tokens.create(admin, { name: 'dms', roles: ['dealer-manager'], dealerId: 'dealer2', expiresAt: '2027-01-01T00:00:00Z' });
    const principal = await auth.authenticate(secret);
    expect(principal).toMatchObject({ id: `token:${token.id}`, username: 'api:dms', displayName: 'dms', dealerId: 'dealer2', roles: ['dealer-manager'], groups: [] });
    expect(principal.ability.can('read', { __caslSubjectType__: 'Task', dealerId: 'dealer2' } as never)).toBe(true);
    expect(principal.ability.can('read', { __caslSubjectType__: 'Task', dealerId: 'dealer1' } as never)).toBe(false);
    expect(principal.ability.can('create', 'ApiToken')).toBe(false);
  });

  it('records the last use at most once a minute', async () => {
    const { token, secret } = await tokens.create(admin, { name: 'busy', roles: ['integration'], expiresAt: '2027-01-01T00:00:00Z' });
    expect(await lastUsed(token.id)).toBeNull();
    await auth.authenticate(secret);
    expect(await lastUsed(token.id)).toBe('2026-12-01T10:00:00.000Z');
    now = new Date('2026-12-01T10:00:40Z');
    await auth.authenticate(secret);
    expect(await lastUsed(token.id)).toBe('2026-12-01T10:00:00.000Z');
    now = new Date('2026-12-01T10:01:05Z');
    await auth.authenticate(secret);
    expect(await lastUsed(token.id)).toBe('2026-12-01T10:01:05.000Z');
  });

  it('accepts a token until the moment it expires, then refuses it as expired', async () => {
    now = new Date('2026-12-01T10:00:00Z');
    const { secret } = await tokens.create(admin, { name: 'short', roles: ['integration'], expiresAt: '2026-12-01T11:00:00Z' });
    now = new Date('2026-12-01T10:59:59Z');
    await expect(auth.authenticate(secret)).resolves.toMatchObject({ username: 'api:short' });
    now = new Date('2026-12-01T11:00:00Z');
    await expect(auth.authenticate(secret)).rejects.toMatchObject({ status: 401, code: 'token_expired' });
  });

  it('refuses tokens whose shape is wrong before touching the database', async () => {
    for (const bad of ['', 'dft_', 'dft_short_secret', `xyz_${'a'.repeat(16)}_${'b'.repeat(43)}`, `dft_${'a'.repeat(16)}_${'b'.repeat(42)}`]) {
      await expect(auth.authenticate(bad)).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
    }
  });
});
