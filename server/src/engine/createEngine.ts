import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { embeddedEngine } from './embeddedEngine';
import type { ServerEngine } from './ServerEngine';

/**
 * The engine the configuration asks for: the embedded one (the default), or a gateway compatible
 * with Camunda 8 over the wire. The wire's client is loaded only when asked for: in-process
 * servers do not pay for it.
 */
export async function createEngine(config: Pick<Config, 'engine' | 'zeebeGrpcAddress' | 'zeebeRestAddress' | 'zeebeTaskListenerType' | 'zeebeOAuth'>, dataSource: DataSource, logger: Logger): Promise<ServerEngine> {
  if (config.engine !== 'zeebe') return embeddedEngine(dataSource);
  const { zeebeEngine } = await import('./zeebe/zeebeEngine.js');
  return zeebeEngine(config, dataSource, (error) => logger.warn({ err: error }, 'could not read an instance from the engine'));
}
