import { DataSource, type QueryRunner } from 'typeorm';
import { dataSourceOptions } from '../../src/db/createDataSource';
import { CommentRules1733700000001 } from '../../src/db/migrations/1733700000001-CommentRules';
import { Role } from '../../src/entities/Role';
import { roleCatalog } from '../../src/permissions/roleCatalog';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

describe.each(testDatabases())('the comment rules migration on %s', (_kind, database) => {
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

  it('gives roles stored before it exactly the comment rules the catalog ships', async () => {
    // Given the roles as an older release stored them: the catalog without `comment`.
    const before = roleCatalog.map((role) => ({ ...role, rules: role.rules.filter((rule) => rule.action !== 'comment') }));
    await dataSource.getRepository(Role).save(before);
    const migration = new CommentRules1733700000001();
    await withRunner((q) => migration.down(q));
    expect((await dataSource.getRepository(Role).find({ order: { name: 'ASC' } })).map((r) => r.rules)).toEqual(before.sort((a, b) => a.name.localeCompare(b.name)).map((r) => r.rules));

    // When the migration runs (its undo first changes nothing; twice does no harm).
    await withRunner((q) => migration.up(q));
    await withRunner((q) => migration.up(q));
    const stored = new Map((await dataSource.getRepository(Role).find()).map((role) => [role.name, role.rules]));

    // Then every role has the catalog's rules.
    for (const role of roleCatalog) expect(new Set(stored.get(role.name)?.map((r) => JSON.stringify(r)))).toEqual(new Set(role.rules.map((r) => JSON.stringify(r))));
  });
});
