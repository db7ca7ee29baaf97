import { EmbeddedEngine, TypeOrmStore } from '../src';
import { openDataSource, sqliteDatabase } from './support/testDataSources';

describe('the embedded engine’s health', () => {
  it('is up while its store runs transactions, down when it cannot, closed after close()', async () => {
    // given an engine on a SQL store
    const db = await sqliteDatabase();
    const dataSource = await openDataSource(db);
    const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), pollInterval: 0 });
    try {
      expect(await engine.health()).toBe('up');
      // when its database goes away, then it says so
      await dataSource.destroy();
      expect(await engine.health()).toBe('down');
      // and once it is closed, it says that
      await engine.close();
      expect(await engine.health()).toBe('closed');
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    }
  });
});
