import type { DataSource } from 'typeorm';
import { diffScenario, runScenario, scenarios } from '../conformance';
import { EmbeddedEngine, ManualClock, TypeOrmStore } from '../src';
import { databaseKinds, openDataSource, type TestDatabase } from './support/testDataSources';

describe.each(databaseKinds)('conformance on the embedded engine with the SQL store on %s', (_kind, create) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await create();
    dataSource = await openDataSource(db);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    // given an engine on the shared database and a manual clock
    const clock = new ManualClock();
    const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), clock, pollInterval: 0 });
    try {
      // when the scenario runs
      const result = await runScenario({ engine, advanceTime: async (ms) => (clock.advance(ms), void (await engine.tick())) }, scenario);
      // then it ends as expected
      expect(diffScenario(scenario, result)).toEqual([]);
    } finally {
      await engine.close();
    }
  });
});
