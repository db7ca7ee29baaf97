import { createTransport } from 'nodemailer';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DailyDigest } from './DailyDigest';
import { MailOutboxWorker, type MailTransport } from './MailOutboxWorker';
import type { NotificationConfig } from './notificationConfig';
import type { NotificationService } from './NotificationService';
import { SlaScan } from './SlaScan';

const SLA_SCAN_MS = 60_000;
const DIGEST_CHECK_MS = 5 * 60_000;
const MAIL_TICK_MS = 10_000;

/** The notification background jobs of one server; several servers may run them at once. */
export interface NotificationJobs {
  slaScan: SlaScan;
  digest: DailyDigest;
  /** Null when e-mail is not configured. */
  mail: MailOutboxWorker | null;
  stop(): void;
}

/** Starts the SLA scan, the daily digest and (with SMTP_URL) the mail worker on timers. */
export function startNotificationJobs(dataSource: DataSource, notifications: NotificationService, config: NotificationConfig, logger: Logger, transport?: MailTransport): NotificationJobs {
  const slaScan = new SlaScan(dataSource, notifications, config.slaLeadMinutes);
  const digest = new DailyDigest(dataSource, { baseUrl: config.publicUrl });
  const smtp = transport ?? (config.smtpUrl ? createTransport(config.smtpUrl) : null);
  const mail = smtp ? new MailOutboxWorker(dataSource, smtp, { from: config.mailFrom }) : null;
  const every = (ms: number, what: string, work: () => Promise<unknown>) => setInterval(() => {
    work().catch((error: unknown) => logger.warn({ err: error }, `${what} failed; it runs again shortly`));
  }, ms).unref();
  const timers = [
    every(SLA_SCAN_MS, 'SLA scan', () => slaScan.run()),
    ...(mail ? [
      every(DIGEST_CHECK_MS, 'daily digest', async () => (new Date().getUTCHours() >= config.digestHourUtc ? digest.run() : [])),
      every(MAIL_TICK_MS, 'mail delivery', () => mail.tick()),
    ] : []),
  ];
  return { slaScan, digest, mail, stop: () => timers.forEach(clearInterval) };
}
