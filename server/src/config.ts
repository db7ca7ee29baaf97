import { notificationConfig, type NotificationConfig } from './notifications/notificationConfig';
import { webhookConfig, type WebhookConfig } from './webhooks/webhookConfig';

/** Runtime configuration, read once from the environment; see the README's table. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  engine: 'embedded' | 'zeebe';
  /** With ENGINE=zeebe: the gateway's gRPC address (grpc://host:26500) and REST address (http://host:8080). */
  zeebeGrpcAddress?: string;
  zeebeRestAddress?: string;
  /** With ENGINE=zeebe: the job type of the engine's global user task listener that feeds the inbox. */
  zeebeTaskListenerType: string;
  sessionSecret: string;
  sessionMaxAgeMs: number;
  demoData: boolean;
  /** Where attachment files are kept (by content hash). */
  attachmentsDir: string;
  logLevel: string;
  /** Send the session cookie only over HTTPS. */
  secureCookies: boolean;
  /** Trust X-Forwarded-For / -Proto from a load balancer. */
  trustProxy: boolean;
  /** Where the built web app lives; served as static files when present. */
  webRoot?: string;
  /** Origins besides the server's own whose pages may send state-changing requests. */
  allowedOrigins: string[];
  /** SMTP, links in e-mails, the SLA warning lead time and the digest hour. */
  notifications: NotificationConfig;
  /** Requests each API token may make per minute before it is answered 429. */
  apiTokenRequestsPerMinute: number;
  /** Outgoing webhooks: allowed private hosts, retries, the disable limit, the secrets' key. */
  webhooks: WebhookConfig;
}

const DEFAULT_SECRET = 'dealerflow-dev-secret-change-me';

/** Builds the configuration from `env`; throws on values that cannot work. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const engine = env.ENGINE ?? 'embedded';
  if (engine !== 'embedded' && engine !== 'zeebe') throw new Error(`ENGINE must be "embedded" or "zeebe", got "${engine}"`);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const sessionSecret = env.SESSION_SECRET ?? DEFAULT_SECRET;
  if (env.NODE_ENV === 'production' && sessionSecret === DEFAULT_SECRET) throw new Error('SESSION_SECRET must be set in production');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/dealerflow.sqlite',
    engine,
    ...zeebeAddresses(engine, env),
    zeebeTaskListenerType: env.ZEEBE_TASK_LISTENER_TYPE || 'dealerflow-user-task-events',
    sessionSecret,
    sessionMaxAgeMs: Number(env.SESSION_MAX_AGE_HOURS ?? 12) * 3600_000,
    demoData: env.DEMO_DATA !== 'off',
    attachmentsDir: env.ATTACHMENTS_DIR ?? './data/attachments',
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.SECURE_COOKIES === 'true',
    trustProxy: env.TRUST_PROXY === 'true',
    webRoot: env.WEB_ROOT,
    allowedOrigins: parseOrigins(env.ALLOWED_ORIGINS),
    notifications: notificationConfig(env),
    apiTokenRequestsPerMinute: positiveInteger('API_TOKEN_RATE_LIMIT', env.API_TOKEN_RATE_LIMIT, 600),
    webhooks: webhookConfig(env, sessionSecret),
  };
}

/** The gateway's addresses; both are required with ENGINE=zeebe. `ZEEBE_ADDRESS` is an older name of `ZEEBE_GRPC_ADDRESS`. */
function zeebeAddresses(engine: string, env: NodeJS.ProcessEnv): Pick<Config, 'zeebeGrpcAddress' | 'zeebeRestAddress'> {
  const grpc = env.ZEEBE_GRPC_ADDRESS || env.ZEEBE_ADDRESS || undefined;
  const rest = env.ZEEBE_REST_ADDRESS || undefined;
  if (engine === 'zeebe' && (!grpc || !rest)) throw new Error('ENGINE=zeebe needs ZEEBE_GRPC_ADDRESS (grpc://host:26500) and ZEEBE_REST_ADDRESS (http://host:8080)');
  return { zeebeGrpcAddress: grpc, zeebeRestAddress: rest };
}

/** `ALLOWED_ORIGINS`: comma-separated origins such as `https://portal.example.com` (scheme, host, port; no path). */
function parseOrigins(value = ''): string[] {
  return value.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const origin = URL.canParse(entry) ? new URL(entry).origin : 'null';
    if (origin !== entry) throw new Error(`ALLOWED_ORIGINS must list origins like https://portal.example.com, got "${entry}"`);
    return origin;
  });
}

/** A positive integer setting, or `fallback` when unset. */
function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return parsed;
}
