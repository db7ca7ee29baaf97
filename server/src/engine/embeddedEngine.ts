import { EmbeddedEngine, TypeOrmStore } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import { backfillFromEngine } from '../instances/backfillFromEngine';
import { feedInStep } from './engineEventFeed';
import type { ServerEngine } from './ServerEngine';

/** The engine inside the server, its state in our database, feeding our consumers in each step's transaction. */
export function embeddedEngine(dataSource: DataSource): ServerEngine {
  const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource) });
  return {
    engine,
    feed: (feed) => feedInStep(engine, feed),
    health: () => engine.health(),
    backfill: () => backfillFromEngine(engine, dataSource),
    close: () => engine.close(),
  };
}
