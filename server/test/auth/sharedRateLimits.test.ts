import { DataSource } from 'typeorm';
import { LoginThrottle } from '../../src/auth/LoginThrottle';
import { sharedRateLimiter, type Budget } from '../../src/auth/sharedRateLimiter';
import { dataSourceOptions, openDatabase } from '../../src/db/createDataSource';
import { RateLimitedError } from '../../src/errors/AppError';
import { TokenRateLimit } from '../../src/tokens/TokenRateLimit';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

const onMariaDb = testDatabases().filter(([kind]) => kind === 'mariadb');

describe.each(onMariaDb)('rate limits two servers share on %s', (_kind, database) => {
  let db: TestDatabase;
  /** Each server's own connection pool to the one database. */
  let servers: DataSource[];
  const limiterOf = (server: DataSource) => (budget: Budget) => sharedRateLimiter(server, budget);

  beforeAll(async () => {
    db = database();
    const url = await db.create();
    const first = await openDatabase(url);
    const second = await new DataSource(dataSourceOptions(url)).initialize();
    servers = [first, second];
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.destroy()));
    await db.drop();
  });

  it('counts sign-in attempts on either server against one budget, and a good sign-in clears it on both', async () => {
    const limits = { perAccount: 3, perAddress: 50, windowSeconds: 60 };
    const [a, b] = servers.map((server) => new LoginThrottle(limits, limiterOf(server)));
    expect(await a.take('dealer1.staff', '10.0.0.7')).toEqual({ allowed: true });
    expect(await b.take('Dealer1.Staff', '10.0.0.7')).toEqual({ allowed: true });
    expect(await a.take('dealer1.staff', '10.0.0.7')).toEqual({ allowed: true });
    expect(await b.take('dealer1.staff', '10.0.0.7')).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number), firstRefusal: true });
    expect(await a.take('dealer1.staff', '10.0.0.7')).toMatchObject({ allowed: false, firstRefusal: false });

    await b.succeeded('dealer1.staff', '10.0.0.7');
    expect(await a.take('dealer1.staff', '10.0.0.7')).toEqual({ allowed: true });
    expect(await servers[0].query("SELECT `key`, points FROM rate_limit WHERE `key` LIKE 'login-account:%'")).toEqual([{ key: 'login-account:dealer1.staff|10.0.0.7', points: 1 }]);
  });

  it('gives an API token one budget across servers: concurrent requests on both take exactly the budget', async () => {
    const [a, b] = servers.map((server) => new TokenRateLimit(10, limiterOf(server)));
    const outcomes = await Promise.allSettled(Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).take('token-1')));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as unknown);
    expect(refusals).toHaveLength(6);
    expect(refusals.every((reason) => reason instanceof RateLimitedError)).toBe(true);
    // another token has its own budget
    await expect(a.take('token-2')).resolves.toBeUndefined();
  });
});
