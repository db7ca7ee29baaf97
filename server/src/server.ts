import type { Server } from 'node:http';
import pino, { type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { shippedResources } from '@dealerflow/processes';
import { createApp } from './app';
import { createEngine } from './engine/createEngine';
import { startPluginWorkers } from './engine/pluginWorkers';
import { serverEventFeed } from './engine/serverEventFeed';
import { shippedPlugins } from './engine/shippedPlugins';
import type { Config } from './config';
import { openDatabase } from './db/createDataSource';
import { openDemoCases } from './demo/openDemoCases';
import { ensureRoles, seedDemoData } from './demo/seed';
import { findWebRoot } from './http/middleware/webApp';
import { notifyOfProcessNotice } from './notifications/processNotices';
import { startNotificationJobs, type NotificationJobs } from './notifications/startNotificationJobs';
import { createServices, type ServiceOptions, type Services } from './services';
import { shareTaskChanges } from './tasks/sharedTaskChanges';
import { startWebhookJobs, type WebhookJobs } from './webhooks/startWebhookJobs';
import { tellAdminsWebhookDisabled } from './webhooks/tellAdminsWebhookDisabled';
import { webhookOnLeadAssigned } from './webhooks/webhookOnLeadAssigned';

const SESSION_PURGE_MS = 60 * 60 * 1000;

/** A running Dealerflow server. */
export interface RunningServer {
  url: string;
  services: Services;
  dataSource: DataSource;
  /** The SLA scan, the daily digest and the mail worker, also callable directly (tests). */
  notificationJobs: NotificationJobs;
  /** The webhook delivery worker, also callable directly (tests). */
  webhookJobs: WebhookJobs;
  close(): Promise<void>;
}

/** Opens the database (migrating it), seeds roles and demo data, and listens. */
export async function startServer(config: Config, overrides: { logger?: Logger; loginThrottle?: ServiceOptions['loginThrottle'] } = {}): Promise<RunningServer> {
  const logger = overrides.logger ?? pino({ level: config.logLevel });
  const dataSource = await openDatabase(config.databaseUrl);
  const serverEngine = await createEngine(config, dataSource, logger.child({ part: 'engine' }));
  const { engine } = serverEngine;
  // The services are made with the plugins, so the notice listener reaches them once they exist.
  const plugins = shippedPlugins(dataSource, undefined, (manager, notice) => notifyOfProcessNotice(services.notifications, manager, notice), (manager, assigned) => webhookOnLeadAssigned(services.webhooks.outbox)(manager, assigned));
  const services = createServices(dataSource, engine, { sessionMaxAgeMs: config.sessionMaxAgeMs, attachmentsDir: config.attachmentsDir, pluginTypes: plugins.map((p) => p.taskType), plugins, loginThrottle: overrides.loginThrottle, sandboxLog: logger.child({ part: 'sandbox' }), notifications: { baseUrl: config.notifications.publicUrl, mailEnabled: config.notifications.smtpUrl !== null }, apiTokenRequestsPerMinute: config.apiTokenRequestsPerMinute, webhooks: config.webhooks });
  const taskChanges = await shareTaskChanges(dataSource, services.taskEvents, (error) => logger.warn({ err: error }, 'could not read the task changes of other servers'));
  serverEngine.feed(serverEventFeed(services));
  startPluginWorkers(engine, plugins, logger.child({ part: 'plugins' }));
  const backfilled = await serverEngine.backfill();
  if (backfilled) logger.info({ instances: backfilled }, 'instance list backfilled from the engine');
  await ensureRoles(dataSource, services.audit);
  const shipped = await services.deployments.deploy('system', shippedResources());
  logger.info({ processes: shipped.processes }, 'shipped processes deployed');
  if (config.demoData && (await seedDemoData(dataSource, services.audit))) {
    logger.info('demo data loaded (every demo password is "demo")');
    await openDemoCases(services, logger);
  }
  const webRoot = findWebRoot(config.webRoot);
  const app = createApp(services, {
    logger,
    sessionSecret: config.sessionSecret,
    engine: { name: config.engine, check: () => serverEngine.health() },
    secureCookies: config.secureCookies,
    proxy: config.trustProxy,
    allowedOrigins: config.allowedOrigins,
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
  const notificationJobs = startNotificationJobs(dataSource, services.notifications, config.notifications, logger.child({ part: 'notifications' }));
  const webhookJobs = startWebhookJobs(dataSource, services.webhooks, config.webhooks, logger.child({ part: 'webhooks' }), tellAdminsWebhookDisabled(services.notifications, services.audit));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  logger.info({ url, database: config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@'), engine: config.engine, web: webRoot ?? 'not built' }, 'Dealerflow is listening');
  return {
    url,
    services,
    dataSource,
    notificationJobs,
    webhookJobs,
    async close() {
      clearInterval(purge);
      notificationJobs.stop();
      webhookJobs.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await services.sandbox.shutdown();
      await serverEngine.close();
      await taskChanges.stop();
      await dataSource.destroy();
    },
  };
}
