import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dataSourceOptions } from '../../src/db/createDataSource';
import { CommentRules1733700000001 } from '../../src/comments/1733700000001-CommentRules';
import { StockRules1734100000002 } from '../../src/allocation/1734100000002-StockRules';
import { TenderRules1734300000001 } from '../../src/tenders/1734300000001-TenderRules';
import { LeadRules1734400000001 } from '../../src/leads/1734400000001-LeadRules';
import { KpiRules1735000000001 } from '../../src/kpi/1735000000001-KpiRules';
import { DashboardRules1735100000000 } from '../../src/dashboard/1735100000000-DashboardRules';
import { Role } from '../../src/entities/Role';
import { roleCatalog } from '../../src/permissions/roleCatalog';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

/** Every migration that changes shipped roles' rules, oldest first. */
const roleRuleMigrations: MigrationInterface[] = [new CommentRules1733700000001(), new StockRules1734100000002(), new TenderRules1734300000001(), new LeadRules1734400000001(), new KpiRules1735000000001(), new DashboardRules1735100000000()];

describe.each(testDatabases())('the role rule migrations on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
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

  const withRunner = async (run: (q: QueryRunner) => Promise<void>) => {
    const runner = dataSource.createQueryRunner();
    try {
      await run(runner);
    } finally {
      await runner.release();
    }
  };
  const storedRules = async () => new Map((await dataSource.getRepository(Role).find()).map((role) => [role.name, role.rules.map((r) => JSON.stringify(r))]));
  const staffMayStart = (rules: string[] | undefined, processId: string) =>
    rules?.some((rule) => rule.includes('"start"') && rule.includes(`"${processId}"`)) ?? false;

  it('bring roles stored by an older release to exactly the rules the catalog ships', async () => {
    // Given the roles as the oldest release stored them: the catalog with every migration undone.
    await dataSource.getRepository(Role).save(roleCatalog.map((role) => ({ ...role })));
    for (const migration of [...roleRuleMigrations].reverse()) await withRunner((q) => migration.down(q));
    const before = await storedRules();
    expect(before.get('dealer-staff')?.some((rule) => rule.includes('"comment"'))).toBe(false);
    expect(before.get('dealer-staff')?.some((rule) => rule.includes('"StockVehicle"'))).toBe(false);
    expect(staffMayStart(before.get('dealer-staff'), 'vehicle-allocation')).toBe(true);

    // When the migrations run (twice does no harm).
    for (const migration of roleRuleMigrations) await withRunner((q) => migration.up(q));
    for (const migration of roleRuleMigrations) await withRunner((q) => migration.up(q));
    const after = await storedRules();

    // Then every role has the catalog's rules: dealer staff comment and see free stock, but no longer order vehicles.
    for (const role of roleCatalog) expect(new Set(after.get(role.name))).toEqual(new Set(role.rules.map((r) => JSON.stringify(r))));
    expect(staffMayStart(after.get('dealer-staff'), 'vehicle-allocation')).toBe(false);
    expect(staffMayStart(after.get('dealer-manager'), 'vehicle-allocation')).toBe(true);
  });
});
