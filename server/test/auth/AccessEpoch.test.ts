import { DataSource } from 'typeorm';
import { AccessCache } from '../../src/auth/AccessCache';
import { AccessEpoch } from '../../src/auth/AccessEpoch';
import { dataSourceOptions } from '../../src/db/createDataSource';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

describe.each(testDatabases())('the access epoch on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let now = 0;
  const clock = () => now;
  beforeAll(async () => {
    db = database();
    dataSource = new DataSource(dataSourceOptions(await db.create()));
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('drops this server\'s entries at once and another server\'s once it re-reads the epoch, a second later at most', async () => {
    // two servers' epochs on one database, each with a cache of what it loaded
    const here = new AccessEpoch(dataSource, 1_000, clock);
    const there = new AccessEpoch(dataSource, 1_000, clock);
    const cacheHere = new AccessCache<string>(here, clock);
    const cacheThere = new AccessCache<string>(there, clock);
    let role = 'auditor';
    expect(await cacheHere.get('u1', async () => role)).toBe('auditor');
    expect(await cacheThere.get('u1', async () => role)).toBe('auditor');

    // a change committed here
    role = 'none';
    await dataSource.transaction((manager) => here.bump(manager));
    expect(await cacheHere.get('u1', async () => role)).toBe('none');
    now += 999;
    expect(await cacheThere.get('u1', async () => role)).toBe('auditor');
    now += 1;
    expect(await cacheThere.get('u1', async () => role)).toBe('none');
  });

  it('does not trust an entry longer than its age limit, even when the epoch stays', async () => {
    const epoch = new AccessEpoch(dataSource, 1_000, clock);
    const cache = new AccessCache<number>(epoch, clock, 60_000);
    let loads = 0;
    const load = async () => (loads += 1);
    expect(await cache.get('t', load)).toBe(1);
    now += 30_000;
    expect(await cache.get('t', load)).toBe(1);
    now += 30_000;
    expect(await cache.get('t', load)).toBe(2);
  });

  it('stores a value loaded while a change commits under the old epoch, so it is not served afterwards', async () => {
    const epoch = new AccessEpoch(dataSource, 1_000, clock);
    const cache = new AccessCache<string>(epoch, clock);
    let value = 'before';
    const first = cache.get('k', async () => {
      const seen = value;
      value = 'after';
      epoch.changed();
      return seen;
    });
    expect(await first).toBe('before');
    expect(await cache.get('k', async () => value)).toBe('after');
  });
});
