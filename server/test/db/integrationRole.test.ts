import { DataSource, type QueryRunner } from 'typeorm';
import { dataSourceOptions } from '../../src/db/createDataSource';
import { Role } from '../../src/entities/Role';
import { roleCatalog } from '../../src/permissions/roleCatalog';
import { LeadRules1734400000001 } from '../../src/leads/1734400000001-LeadRules';
import { IntegrationRole1734200000001 } from '../../src/tokens/1734200000001-IntegrationRole';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

describe.each(testDatabases())('the integration role migration on %s', (_kind, database) => {
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
  const names = async () => (await dataSource.getRepository(Role).find({ order: { name: 'ASC' } })).map((r) => r.name);

  it('adds the role with the catalog\'s rules to a database that has roles, once, and takes it away on undo', async () => {
    const migration = new IntegrationRole1734200000001();
    // Given the roles an older release stored: the catalog without `integration`.
    await dataSource.getRepository(Role).save(roleCatalog.filter((role) => role.name !== 'integration'));
    expect(await names()).not.toContain('integration');

    // When the migration runs (twice does no harm), and the later one that lets it send leads
    await withRunner((q) => migration.up(q));
    await withRunner((q) => migration.up(q));
    await withRunner((q) => new LeadRules1734400000001().up(q));

    // Then the role is there with exactly the catalog's rules, and the other roles are untouched
    const stored = await dataSource.getRepository(Role).findOneByOrFail({ name: 'integration' });
    expect(new Set(stored.rules.map((r) => JSON.stringify(r)))).toEqual(new Set(roleCatalog.find((role) => role.name === 'integration')!.rules.map((r) => JSON.stringify(r))));
    expect(await names()).toEqual(roleCatalog.map((role) => role.name).sort());

    await withRunner((q) => migration.down(q));
    expect(await names()).not.toContain('integration');
  });

  it('leaves an empty role table to the catalog seed', async () => {
    await dataSource.getRepository(Role).clear();
    await withRunner((q) => new IntegrationRole1734200000001().up(q));
    expect(await names()).toEqual([]);
  });
});
