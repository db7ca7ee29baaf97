import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { WebhookConfig } from './webhookConfig';
import { WebhookDeliveryWorker, type DisabledListener } from './WebhookDeliveryWorker';
import type { WebhookParts } from './webhookParts';

/** The webhook worker of one server, also callable directly (tests); several servers may run it at once. */
export interface WebhookJobs {
  worker: WebhookDeliveryWorker;
  stop(): void;
}

/** Starts the delivery worker on a timer. */
export function startWebhookJobs(dataSource: DataSource, module: WebhookParts, config: WebhookConfig, logger: Logger, onDisabled?: DisabledListener): WebhookJobs {
  const worker = new WebhookDeliveryWorker(dataSource, module.policy, module.secrets, config, onDisabled);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    worker.tick().catch((error: unknown) => logger.warn({ err: error }, 'webhook delivery failed; it runs again shortly')).finally(() => {
      running = false;
    });
  }, config.tickMs).unref();
  return { worker, stop: () => clearInterval(timer) };
}
