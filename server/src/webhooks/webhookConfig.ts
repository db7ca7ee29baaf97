/** How webhooks are delivered; from the environment. */
export interface WebhookConfig {
  /** Host names or addresses a subscription may point at although they are private or local (WEBHOOK_ALLOWED_HOSTS, comma-separated). */
  allowedHosts: string[];
  /** Failed attempts in a row that disable a subscription (WEBHOOK_DISABLE_AFTER, default 10). */
  disableAfterFailures: number;
  /** Attempts per delivery before it is given up (WEBHOOK_MAX_ATTEMPTS, default 12). */
  maxAttempts: number;
  /** The wait after the first failure; it doubles with each further one, with jitter (WEBHOOK_RETRY_MS, default 10 s). */
  firstRetryMs: number;
  /** How often the worker looks for due deliveries (WEBHOOK_TICK_MS, default 5 s). */
  tickMs: number;
  /** How long one request may take (WEBHOOK_TIMEOUT_MS, default 10 s). */
  timeoutMs: number;
  /** The key that encrypts signing secrets at rest (WEBHOOK_SECRET_KEY; the session secret when unset). */
  secretKey: string;
}

const positive = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return parsed;
};

/** Reads the webhook settings; `sessionSecret` keys the secrets when WEBHOOK_SECRET_KEY is unset. */
export function webhookConfig(env: NodeJS.ProcessEnv, sessionSecret: string): WebhookConfig {
  return {
    allowedHosts: (env.WEBHOOK_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    disableAfterFailures: positive('WEBHOOK_DISABLE_AFTER', env.WEBHOOK_DISABLE_AFTER, 10),
    maxAttempts: positive('WEBHOOK_MAX_ATTEMPTS', env.WEBHOOK_MAX_ATTEMPTS, 12),
    firstRetryMs: positive('WEBHOOK_RETRY_MS', env.WEBHOOK_RETRY_MS, 10_000),
    tickMs: positive('WEBHOOK_TICK_MS', env.WEBHOOK_TICK_MS, 5_000),
    timeoutMs: positive('WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 10_000),
    secretKey: env.WEBHOOK_SECRET_KEY || sessionSecret,
  };
}
