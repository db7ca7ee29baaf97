import { runPlugin, warrantyCoveragePlugin, type PluginContext } from '@dealerflow/plugins';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '../../src/audit/AuditTrail';
import { openDatabase } from '../../src/db/createDataSource';
import { seedDemoData } from '../../src/demo/seed';
import { SqlCoverageCatalog } from '../../src/warranty/SqlCoverageCatalog';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

const ctx: PluginContext = { log: { info() {}, warn() {}, error() {} }, signal: new AbortController().signal, headers: {}, jobKey: 'j', processInstanceKey: 'p', retries: 3 };

describe.each(testDatabases())('warranty coverage on the demo tables (%s)', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const check = (input: object) => runPlugin(warrantyCoveragePlugin(new SqlCoverageCatalog(dataSource)), input, ctx);
  beforeAll(async () => {
    db = database();
    dataSource = await openDatabase(await db.create());
    await seedDemoData(dataSource, new AuditTrail(dataSource));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('covers a young sedan and reports its limits', async () => {
    expect(await check({ vin: 'XW8AN2NE3PH000101', mileage: 30_000, repairDate: '2026-11-20', defectCode: 'B1001' })).toMatchObject({
      kind: 'complete',
      variables: { covered: true, coverage: 'warranty', warrantyEndsOn: '2027-05-20', mileageLimitKm: 100_000 },
    });
  });

  it('covers an older crossover through the open fuel pump campaign', async () => {
    expect(await check({ vin: 'XW8TC4KF5RH000202', mileage: 160_000, repairDate: '2026-11-20', defectCode: 'P0087' })).toMatchObject({
      variables: { covered: true, coverage: 'campaign', campaignCode: 'SC-2026-04' },
    });
  });

  it('refuses an expired sedan whose campaign closed', async () => {
    expect(await check({ vin: 'XW8AN2NE3PH000102', mileage: 90_000, repairDate: '2026-11-20', defectCode: 'C0035' })).toMatchObject({
      variables: { covered: false, coverage: 'none', warrantyEndsOn: '2025-03-11' },
    });
  });

  it('limits a campaign to its listed VINs', async () => {
    expect(await check({ vin: 'XW8AN2NE3PH000101', mileage: 200_000, repairDate: '2025-01-10', defectCode: 'C0035' })).toMatchObject({
      variables: { covered: false, reasons: [{ ru: 'пробег 200\u00a0000 км больше лимита 100\u00a0000 км', en: 'mileage 200,000 km is over the 100,000 km limit' }] },
    });
  });
});
