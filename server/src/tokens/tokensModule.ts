import { sharedRateLimiter, type Budget } from '../auth/sharedRateLimiter';
import { defineModule } from '../modules/FeatureModule';
import { ApiTokens1734200000000 } from './1734200000000-ApiTokens';
import { IntegrationRole1734200000001 } from './1734200000001-IntegrationRole';
import { ApiToken } from './ApiToken';
import { apiTokenRoutes } from './apiTokenRoutes';
import { ApiTokenService } from './ApiTokenService';
import { TokenAuthenticator } from './TokenAuthenticator';
import { TokenRateLimit } from './TokenRateLimit';

/** Service accounts' API tokens: their administration and resolving a bearer token to its principal. */
export const tokensModule = defineModule({
  name: 'tokens',
  entities: [ApiToken],
  migrations: [ApiTokens1734200000000, IntegrationRole1734200000001],
  needs: ['audit', 'access'],
  makes: ['apiTokens', 'tokenAuth'],
  services: ({ dataSource, options, audit, access }) => {
    // API token requests count across every server on the database.
    const rateLimit = new TokenRateLimit(options.apiTokenRequestsPerMinute ?? 600, (budget: Budget) => sharedRateLimiter(dataSource, budget));
    return { apiTokens: new ApiTokenService(dataSource, audit, access), tokenAuth: new TokenAuthenticator(dataSource, rateLimit, access) };
  },
  routes: (s) => [apiTokenRoutes(s.apiTokens)],
});
