import type { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/createDataSource';
import { SqlCreditNoteLedger, SqlNotificationOutbox } from '../../src/outbox/SqlOutbox';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

describe.each(testDatabases())('plugin side effects happen once per job on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = database();
    dataSource = await openDatabase(await db.create());
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('issues one credit note per job, returning the same number to a retried or concurrent job', async () => {
    const ledger = new SqlCreditNoteLedger(dataSource);
    const request = { jobKey: 'job-1', dealerId: 'dealer1', reference: 'WC-2026-AAAAAA', amount: 1200.5 };
    const numbers = await Promise.all([ledger.issue(request), ledger.issue(request), ledger.issue(request)]);
    expect(new Set(numbers).size).toBe(1);
    expect(numbers[0]).toMatch(/^CN-\d{6}$/);
    expect(await ledger.issue({ ...request, jobKey: 'job-2' })).not.toBe(numbers[0]);
    const [row] = await dataSource.query("SELECT COUNT(*) AS n FROM credit_note WHERE jobKey = 'job-1'");
    expect(Number(row.n)).toBe(1);
  });

  it('sends one notification per job and says whether it was new', async () => {
    const outbox = new SqlNotificationOutbox(dataSource);
    const notification = { jobKey: 'job-9', processInstanceKey: 'pi-1', template: 'warranty-approved', dealerId: 'dealer1', recipientGroup: null, data: { caseRef: 'WC-1' } };
    expect(await outbox.send(notification)).toBe(true);
    expect(await outbox.send(notification)).toBe(false);
    const [row] = await dataSource.query("SELECT COUNT(*) AS n FROM notification WHERE jobKey = 'job-9'");
    expect(Number(row.n)).toBe(1);
  });
});
