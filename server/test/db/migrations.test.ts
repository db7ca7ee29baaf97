import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/db/createDataSource';
import { testDatabases, type TestDatabase } from '../support/testDatabases';
import { startTestServer } from '../support/testServer';

describe.each(testDatabases())('migrations on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = database();
    dataSource = new DataSource(dataSourceOptions(await db.create()));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('apply on an empty database and leave nothing pending', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied.length).toBeGreaterThan(0);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('produce exactly the schema the entities describe', async () => {
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('roll back cleanly', async () => {
    await dataSource.undoLastMigration();
    expect(await dataSource.showMigrations()).toBe(true);
    await dataSource.runMigrations();
    expect(await dataSource.showMigrations()).toBe(false);
  });
});

describe.each(testDatabases())('the app on %s', (_kind, database) => {
  it('starts on an empty database, seeds the demo data once, and reports healthy', async () => {
    const server = await startTestServer(database());
    try {
      const health = await server.anonymous().get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', db: 'up', engine: { type: 'embedded' } });
      const users = await server.running.dataSource.query('SELECT COUNT(*) AS n FROM app_user');
      expect(Number(users[0].n)).toBe(11);
    } finally {
      await server.stop();
    }
  });

  it('starts without demo data when DEMO_DATA=off, with the roles still there', async () => {
    const server = await startTestServer(database(), { DEMO_DATA: 'off' });
    try {
      const [users] = await server.running.dataSource.query('SELECT COUNT(*) AS n FROM app_user');
      const [roles] = await server.running.dataSource.query('SELECT COUNT(*) AS n FROM role');
      expect(Number(users.n)).toBe(0);
      expect(Number(roles.n)).toBe(6);
    } finally {
      await server.stop();
    }
  });
});
