import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import { AddressPolicy } from './addressPolicy';
import { SecretBox } from './secretBox';
import type { WebhookConfig } from './webhookConfig';
import { WebhookOutbox } from './WebhookOutbox';
import { WebhookService } from './WebhookService';

/** The webhooks feature's parts that others wire: the admin service, the outbox causes write to, and the delivery rules. */
export interface WebhookParts {
  service: WebhookService;
  outbox: WebhookOutbox;
  policy: AddressPolicy;
  secrets: SecretBox;
}

/** Makes the webhooks feature over one DataSource. */
export function createWebhookParts(dataSource: DataSource, audit: AuditTrail, config: Pick<WebhookConfig, 'allowedHosts' | 'secretKey'>): WebhookParts {
  const policy = new AddressPolicy(config.allowedHosts);
  const secrets = new SecretBox(config.secretKey);
  return { service: new WebhookService(dataSource, audit, policy, secrets), outbox: new WebhookOutbox(), policy, secrets };
}
