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
  /** With ENGINE=zeebe on a secured cluster (Camunda 8 SaaS, Self-Managed with Identity): its OAuth client credentials. */
  zeebeOAuth?: ZeebeOAuthConfig;
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

/** OAuth 2 client credentials for the cluster, by the names the official Camunda clients read. */
export interface ZeebeOAuthConfig {
  url: string;
  clientId: string;
  clientSecret: string;
  audience: string;
  scope?: string;
  /** Where tokens are kept between restarts; unset keeps them in memory. */
  cacheDir?: string;
}

/** A setting that cannot work: the server says it in one sentence and stops, without a stack. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** The audience Camunda 8 SaaS issues cluster tokens for; Self-Managed names its own. */
const SAAS_AUDIENCE = 'zeebe.camunda.io';

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
    zeebeOAuth: engine === 'zeebe' ? zeebeOAuth(env) : undefined,
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

/**
 * The gateway's addresses; both are required with ENGINE=zeebe. `ZEEBE_ADDRESS` is an older name of
 * `ZEEBE_GRPC_ADDRESS`, often without a scheme (`cluster.bru-2.zeebe.camunda.io:443`): such an
 * address is TLS (`grpcs://`) on port 443, on a Camunda SaaS host or with CAMUNDA_SECURE_CONNECTION=true.
 */
function zeebeAddresses(engine: string, env: NodeJS.ProcessEnv): Pick<Config, 'zeebeGrpcAddress' | 'zeebeRestAddress'> {
  const given = env.ZEEBE_GRPC_ADDRESS || env.ZEEBE_ADDRESS || undefined;
  // CAMUNDA_REST_ADDRESS is the newer clients' name; some write it with the /v2 the REST client adds itself
  const rest = (env.ZEEBE_REST_ADDRESS || env.CAMUNDA_REST_ADDRESS)?.replace(/\/v2\/?$/, '') || undefined;
  if (engine !== 'zeebe') return { zeebeGrpcAddress: given, zeebeRestAddress: rest };
  if (!given || !rest) throw new StartupError('ENGINE=zeebe needs ZEEBE_GRPC_ADDRESS (grpc://host:26500) and ZEEBE_REST_ADDRESS (http://host:8080)');
  const grpc = /^[a-z]+:\/\//i.test(given) ? given : `${tlsByDefault(given, env) ? 'grpcs' : 'grpc'}://${given}`;
  if (!/^grpcs?:\/\/[^/\s]+$/.test(grpc)) throw new StartupError(`ZEEBE_GRPC_ADDRESS must be grpc://host:port or grpcs://host:port (TLS), got "${given}"`);
  if (/\.camunda\.io(:\d+)?$/.test(grpc) && !grpc.startsWith('grpcs://')) throw new StartupError(`Camunda SaaS takes gRPC only over TLS: ZEEBE_GRPC_ADDRESS must start with grpcs://, got "${given}"`);
  if (!/^https?:\/\//.test(rest) || !URL.canParse(rest)) throw new StartupError(`ZEEBE_REST_ADDRESS must be an http:// or https:// address, got "${rest}"`);
  return { zeebeGrpcAddress: grpc, zeebeRestAddress: rest };
}

/** Whether a gRPC address without a scheme is meant for TLS. */
function tlsByDefault(hostPort: string, env: NodeJS.ProcessEnv): boolean {
  return hostPort.endsWith(':443') || /\.camunda\.io(:\d+)?$/.test(hostPort) || env.CAMUNDA_SECURE_CONNECTION === 'true';
}

/**
 * The cluster's OAuth client credentials: on with CAMUNDA_AUTH_STRATEGY=OAUTH, or when it is unset
 * and a client id is given (a SaaS credentials file names no strategy). The newer client's names
 * (CAMUNDA_CLIENT_ID, CAMUNDA_CLIENT_SECRET, CAMUNDA_TOKEN_AUDIENCE, CAMUNDA_OAUTH_SCOPE) are read too.
 */
function zeebeOAuth(env: NodeJS.ProcessEnv): ZeebeOAuthConfig | undefined {
  const clientId = env.ZEEBE_CLIENT_ID || env.CAMUNDA_CLIENT_ID || undefined;
  const strategy = (env.CAMUNDA_AUTH_STRATEGY || (clientId ? 'OAUTH' : 'NONE')).toUpperCase();
  if (strategy === 'NONE') return undefined;
  if (strategy !== 'OAUTH') throw new StartupError(`CAMUNDA_AUTH_STRATEGY must be OAUTH (client credentials) or NONE, got "${env.CAMUNDA_AUTH_STRATEGY}"`);
  const clientSecret = env.ZEEBE_CLIENT_SECRET || env.CAMUNDA_CLIENT_SECRET || undefined;
  const url = env.CAMUNDA_OAUTH_URL || env.ZEEBE_AUTHORIZATION_SERVER_URL || undefined;
  const missing = [!clientId && 'ZEEBE_CLIENT_ID', !clientSecret && 'ZEEBE_CLIENT_SECRET', !url && 'CAMUNDA_OAUTH_URL'].filter(Boolean);
  if (missing.length) throw new StartupError(`CAMUNDA_AUTH_STRATEGY=OAUTH needs ${missing.join(', ')} (the cluster's client credentials and its token endpoint)`);
  if (!/^https?:\/\//.test(url!) || !URL.canParse(url!)) throw new StartupError(`CAMUNDA_OAUTH_URL must be the token endpoint's http(s) address, got "${url}"`);
  return {
    url: url!, clientId: clientId!, clientSecret: clientSecret!,
    audience: env.CAMUNDA_TOKEN_AUDIENCE || env.CAMUNDA_ZEEBE_OAUTH_AUDIENCE || env.ZEEBE_TOKEN_AUDIENCE || SAAS_AUDIENCE,
    scope: env.CAMUNDA_TOKEN_SCOPE || env.CAMUNDA_OAUTH_SCOPE || undefined,
    cacheDir: env.CAMUNDA_TOKEN_CACHE_DIR || undefined,
  };
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
