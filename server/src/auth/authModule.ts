import { Session } from '../entities/Session';
import { defineModule } from '../modules/FeatureModule';
import { AccessCache1735400000000 } from './1735400000000-AccessCache';
import { RateLimits1735800000000 } from './1735800000000-RateLimits';
import { AccessEpoch } from './AccessEpoch';
import { AccessEpochRow } from './AccessEpochRow';
import { AuthService } from './AuthService';
import { authRoutes } from './authRoutes';
import { LoginThrottle } from './LoginThrottle';
import { SessionStore } from './SessionStore';
import { sharedRateLimiter, type Budget } from './sharedRateLimiter';
import { UserDirectory } from './UserDirectory';

/** Sign-in, sessions, and the version of access the session, user and token caches follow. */
export const authModule = defineModule({
  name: 'auth',
  entities: [Session, AccessEpochRow],
  migrations: [AccessCache1735400000000, RateLimits1735800000000],
  needs: ['audit'],
  makes: ['access', 'sessions', 'auth'],
  services: ({ dataSource, options, audit }) => {
    const access = new AccessEpoch(dataSource);
    const sessions = new SessionStore(dataSource, options.sessionMaxAgeMs);
    // Sign-in attempts count across every server on the database.
    const throttle = new LoginThrottle(options.loginThrottle, (budget: Budget) => sharedRateLimiter(dataSource, budget));
    return { access, sessions, auth: new AuthService(dataSource, new UserDirectory(dataSource), sessions, throttle, audit, access) };
  },
  routes: (s, options) => [authRoutes(s.auth, s.dealers, s.taskEvents, { secureCookies: options.secureCookies })],
});
