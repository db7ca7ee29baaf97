import type { Server } from 'node:http';
import pino, { type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createApp } from './app';
import type { Config } from './config';
import { openDatabase } from './db/createDataSource';
import { ensureRoles, seedDemoData } from './demo/seed';
import { findWebRoot } from './http/middleware/webApp';
import { createServices, type ServiceOptions, type Services } from './services';

const SESSION_PURGE_MS = 60 * 60 * 1000;

/** A running Dealerflow server. */
export interface RunningServer {
  url: string;
  services: Services;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Opens the database (migrating it), seeds roles and demo data, and listens. */
export async function startServer(config: Config, overrides: { logger?: Logger; loginThrottle?: ServiceOptions['loginThrottle'] } = {}): Promise<RunningServer> {
  const logger = overrides.logger ?? pino({ level: config.logLevel });
  const dataSource = await openDatabase(config.databaseUrl);
  const services = createServices(dataSource, { sessionMaxAgeMs: config.sessionMaxAgeMs, loginThrottle: overrides.loginThrottle });
  await ensureRoles(dataSource, services.audit);
  if (config.demoData && (await seedDemoData(dataSource, services.audit))) logger.info('demo data loaded (every demo password is "demo")');
  const webRoot = findWebRoot(config.webRoot);
  const app = createApp(services, {
    logger,
    sessionSecret: config.sessionSecret,
    engine: { name: config.engine, check: async () => 'not-wired' },
    secureCookies: config.secureCookies,
    proxy: config.trustProxy,
    webRoot,
  });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', (error) => {
      void dataSource.destroy();
      reject(error);
    });
  });
  const purge = setInterval(() => {
    services.sessions.purgeExpired().catch((error: unknown) => logger.warn({ err: error }, 'could not purge expired sessions'));
  }, SESSION_PURGE_MS).unref();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  logger.info({ url, database: config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@'), engine: config.engine, web: webRoot ?? 'not built' }, 'Dealerflow is listening');
  return {
    url,
    services,
    dataSource,
    async close() {
      clearInterval(purge);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await dataSource.destroy();
    },
  };
}
