import { EmbeddedEngine, TypeOrmStore, type ProcessEngine } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';

/** The engine the configuration asks for. The embedded one keeps its state in our database. */
export function createEngine(config: Pick<Config, 'engine'>, dataSource: DataSource): ProcessEngine {
  if (config.engine === 'zeebe') {
    throw new Error('ENGINE=zeebe: the Zeebe adapter is not wired into the server yet; use the embedded engine');
  }
  return new EmbeddedEngine({ store: new TypeOrmStore(dataSource) });
}
