import { EmbeddedEngine, TypeOrmStore } from '@dealerflow/engine';
import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config';

/**
 * The engine the configuration asks for. The embedded one keeps its state in our database and
 * hands its listeners the step's EntityManager, so the server's event feed commits with the step.
 */
export function createEngine(config: Pick<Config, 'engine'>, dataSource: DataSource): EmbeddedEngine<EntityManager> {
  if (config.engine === 'zeebe') {
    throw new Error('ENGINE=zeebe: the Zeebe adapter is not wired into the server yet; use the embedded engine');
  }
  return new EmbeddedEngine({ store: new TypeOrmStore(dataSource) });
}
