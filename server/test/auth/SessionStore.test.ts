import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SessionStore } from '../../src/auth/SessionStore';
import { openDatabase } from '../../src/db/createDataSource';
import { User } from '../../src/entities/User';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

describe('SessionStore', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let now = new Date('2026-11-01T10:00:00Z');
  const userId = randomUUID();
  beforeAll(async () => {
    db = testDatabases()[0][1]();
    dataSource = await openDatabase(await db.create());
    await dataSource.getRepository(User).insert({ id: userId, username: 'u', displayName: 'U', passwordHash: 'x', dealerId: null, roles: [], groups: [], locale: 'ru', createdAt: now });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('keeps a session until its max age, then forgets and purges it', async () => {
    const store = new SessionStore(dataSource, 60_000, () => now);
    const { token } = await dataSource.transaction((manager) => store.open(manager, userId));
    expect(await store.userIdOf(token)).toBe(userId);

    now = new Date(now.getTime() + 61_000);
    expect(await store.userIdOf(token)).toBeNull();
    expect(await store.purgeExpired()).toBe(1);
  });

  it('stores only a hash of the token', async () => {
    const store = new SessionStore(dataSource, 60_000, () => now);
    const { token } = await dataSource.transaction((manager) => store.open(manager, userId));
    const ids: { id: string }[] = await dataSource.query('SELECT id FROM session');
    expect(ids.map((row) => row.id)).not.toContain(token);
    expect(ids[0].id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('closes a session once; a second close finds nothing', async () => {
    const store = new SessionStore(dataSource, 60_000, () => now);
    const { token } = await dataSource.transaction((manager) => store.open(manager, userId));
    expect(await dataSource.transaction((manager) => store.close(manager, token))).toBe(true);
    expect(await dataSource.transaction((manager) => store.close(manager, token))).toBe(false);
    expect(await store.userIdOf(token)).toBeNull();
  });
});
