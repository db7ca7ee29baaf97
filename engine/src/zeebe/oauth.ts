import { Auth } from '@camunda8/sdk';

/** OAuth 2 client credentials, as Camunda 8 SaaS and Self-Managed (Identity, Keycloak) issue them. */
export interface OAuthOptions {
  /** The token endpoint, e.g. https://login.cloud.camunda.io/oauth/token. */
  url: string;
  clientId: string;
  clientSecret: string;
  /** The audience of the cluster's API; zeebe.camunda.io on SaaS. */
  audience: string;
  /** A scope, for identity providers that want one (Microsoft Entra ID). */
  scope?: string;
  /** Where tokens are kept between restarts; unset keeps them in memory only. */
  cacheDir?: string;
  /** How long before its expiry a token is renewed, in ms. Default 1 s (the client library's). */
  refreshThresholdMs?: number;
}

/** What the REST client asks for the headers of a request, and tells after the cluster refused them. */
export interface TokenSource {
  /** The Authorization header of the current token, fetched or renewed when needed. */
  headers(): Promise<Record<string, string>>;
  /** Forgets the current token: the cluster answered 401, so the next request fetches a new one. */
  forget(): void;
}

/**
 * One token cache for both sides of the adapter: the official client's OAuth provider, which the
 * gRPC client asks for each call's metadata, and which the REST client asks for its Authorization
 * header. It fetches a token by the client credentials grant, keeps it until shortly before its
 * expiry and fetches the next one then.
 */
export function oauthProvider(options: OAuthOptions): { provider: Auth.OAuthProvider; tokens: TokenSource } {
  const provider = new Auth.OAuthProvider({
    config: {
      CAMUNDA_AUTH_STRATEGY: 'OAUTH',
      CAMUNDA_OAUTH_URL: options.url,
      ZEEBE_CLIENT_ID: options.clientId,
      ZEEBE_CLIENT_SECRET: options.clientSecret,
      // both names of the audience: the newer one wins in the provider, so a stray one in the environment must not
      CAMUNDA_ZEEBE_OAUTH_AUDIENCE: options.audience,
      ZEEBE_TOKEN_AUDIENCE: options.audience,
      CAMUNDA_TOKEN_SCOPE: options.scope,
      CAMUNDA_TOKEN_CACHE_DIR: options.cacheDir,
      CAMUNDA_TOKEN_DISK_CACHE_DISABLE: !options.cacheDir,
      CAMUNDA_OAUTH_TOKEN_REFRESH_THRESHOLD_MS: options.refreshThresholdMs ?? 1000,
      // a wrong secret fails at once with the endpoint's answer, instead of backing off
      CAMUNDA_OAUTH_FAIL_ON_ERROR: true,
      CAMUNDA_LOG_LEVEL: 'none',
    },
  });
  const tokens: TokenSource = {
    headers: async () => {
      const headers = await provider.getHeaders('ZEEBE').catch((error: unknown) => {
        throw new Error(tokenRefusal(options.url, options.clientId, error));
      });
      return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    },
    forget: () => {
      provider.flushMemoryCache();
      if (options.cacheDir) provider.flushFileCache();
    },
  };
  return { provider, tokens };
}

/** The token endpoint's refusal in one sentence: its status and its OAuth error, never a stack. */
export function tokenRefusal(url: string, clientId: string, error: unknown): string {
  const failure = error as { response?: { statusCode?: number; body?: unknown }; message?: string; code?: string };
  const status = failure.response?.statusCode;
  let answer = typeof failure.response?.body === 'string' ? failure.response.body : '';
  try {
    const parsed = JSON.parse(answer) as { error?: string; error_description?: string };
    if (parsed.error) answer = [parsed.error, parsed.error_description].filter(Boolean).join(': ');
  } catch {
    // not JSON: the body as it came, shortened
  }
  const said = status ? `answered ${status}${answer ? ` (${answer.slice(0, 200)})` : ''}`
    : failure.code ? `could not be reached (${failure.code})`
      : `failed: ${(failure.message ?? String(error)).replace(/^Error requesting token for Client Id [^:]*: /, '')}`;
  return `The OAuth token endpoint ${url} gave no token for the client id "${clientId}": it ${said}. Check ZEEBE_CLIENT_ID, ZEEBE_CLIENT_SECRET, CAMUNDA_OAUTH_URL and the token audience.`;
}
