import type { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/createDataSource';
import { Dealer } from '../../src/entities/Dealer';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

describe('SQLite transactions from many callers at once', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = testDatabases()[0][1]();
    dataSource = await openDatabase(await db.create());
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('run one after another: each commits or rolls back on its own', async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => dataSource.transaction(async (manager) => {
      await manager.insert(Dealer, { id: `d${i}`, name: `D${i}`, region: 'R', territoryCodes: [], rating: 0, creditLimit: 0 });
      await new Promise((resolve) => setImmediate(resolve)); // let the others try to interleave
      if (i % 4 === 0) throw new Error(`step ${i} failed`);
    })));
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.message)).toEqual(['step 0 failed', 'step 4 failed', 'step 8 failed', 'step 12 failed', 'step 16 failed']);
    const ids = (await dataSource.getRepository(Dealer).find()).map((d) => d.id).sort();
    expect(ids).toHaveLength(15);
    expect(ids).not.toContain('d4');
  });
});
