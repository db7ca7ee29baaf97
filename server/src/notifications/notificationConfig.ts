/** The notification settings read from the environment (see the README). */
export interface NotificationConfig {
  /** `smtp://user:pass@host:port` or `smtps://…`; e-mail is off when unset. */
  smtpUrl: string | null;
  /** The sender of every e-mail. */
  mailFrom: string;
  /** The server's address as people open it, for links in e-mails (none when unset). */
  publicUrl: string | null;
  /** How long before a task's due date its people are warned. */
  slaLeadMinutes: number;
  /** The hour (UTC) from which the daily digest goes out. */
  digestHourUtc: number;
}

const whole = (name: string, value: string | undefined, fallback: number, min: number, max: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
};

/** Builds the notification settings from `env`; throws on values that cannot work. */
export function notificationConfig(env: NodeJS.ProcessEnv): NotificationConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${smtpUrl}"`);
  return {
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'Dealerflow <no-reply@dealerflow.local>',
    publicUrl: env.PUBLIC_URL?.trim() || null,
    slaLeadMinutes: whole('NOTIFY_SLA_LEAD_MINUTES', env.NOTIFY_SLA_LEAD_MINUTES, 240, 1, 60 * 24 * 30),
    digestHourUtc: whole('NOTIFY_DIGEST_HOUR_UTC', env.NOTIFY_DIGEST_HOUR_UTC, 6, 0, 23),
  };
}
