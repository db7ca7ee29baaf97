import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import { AccessCache } from './AccessCache';
import type { AccessEpoch } from './AccessEpoch';
import { RateLimitedError, UnauthorizedError } from '../errors/AppError';
import type { CurrentUser } from './CurrentUser';
import type { LoginThrottle } from './LoginThrottle';
import { verifyPassword } from './passwords';
import { sessionIdOf, type SessionStore } from './SessionStore';
import type { UserDirectory } from './UserDirectory';

/**
 * Signs users in and out; each sign-in and sign-out is one audited transaction. A request's
 * session and user (with the ability built from their roles) come from caches that follow the
 * access epoch (see AccessEpoch), so a signed-in request costs no database read while nothing
 * about access changed.
 */
export class AuthService {
  private readonly sessionCache: AccessCache<{ userId: string; expiresAt: Date } | null>;
  private readonly userCache: AccessCache<CurrentUser | null>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserDirectory,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditTrail,
    private readonly access: AccessEpoch,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sessionCache = new AccessCache(access);
    this.userCache = new AccessCache(access);
  }

  /**
   * Checks the credentials and opens a session; 401 on a bad pair, 429 when throttled. The
   * throttle's point is taken before the password is checked, and refusals are audited with
   * the username tried (never the password), in the same shape whether or not it exists.
   */
  async login(username: string, password: string, address: string): Promise<{ user: CurrentUser; token: string; expiresAt: Date }> {
    const permit = await this.throttle.take(username, address);
    if (!permit.allowed) {
      // Once per budget and window: a client hammering a blocked login writes no more entries.
      if (permit.firstRefusal) await this.recordRefusal(username, address, 'rate_limited');
      throw new RateLimitedError('Too many failed sign-in attempts; try again later', permit.retryAfterSeconds);
    }
    const found = await this.users.findForLogin(username);
    // A disabled account is refused like a wrong password, after the same hashing work.
    if (!(await verifyPassword(found?.passwordHash, password)) || !found || found.disabledAt) {
      await this.recordRefusal(username, address, 'invalid_credentials');
      throw new UnauthorizedError('Wrong username or password', 'invalid_credentials');
    }
    await this.throttle.succeeded(username, address);
    const session = await this.dataSource.transaction(async (manager) => {
      const opened = await this.sessions.open(manager, found.id);
      await this.audit.append(manager, { actor: found.username, action: 'auth.login', subjectType: 'User', subjectId: found.id, payload: { address } });
      return opened;
    });
    return { user: await this.users.withAbility(found), ...session };
  }

  /** Closes the session of `token` (if it is still open) and records it; the session stops working on every server (AccessEpoch). */
  async logout(token: string, user: CurrentUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await this.sessions.close(manager, token)) {
        await this.access.bump(manager);
        await this.audit.append(manager, { actor: user.username, action: 'auth.logout', subjectType: 'User', subjectId: user.id });
      }
    });
  }

  /** The user behind a session token, or null when the session is gone, expired, or its user is disabled or removed. */
  async authenticate(token: string): Promise<CurrentUser | null> {
    const session = await this.sessionCache.get(sessionIdOf(token), () => this.sessions.find(token));
    if (!session || session.expiresAt.getTime() <= this.now().getTime()) return null;
    return this.userCache.get(session.userId, () => this.users.load(session.userId));
  }

  /** A refused sign-in: subject and actor are the username as typed, so unknown names look like known ones. */
  private async recordRefusal(username: string, address: string, outcome: 'invalid_credentials' | 'rate_limited'): Promise<void> {
    await this.dataSource.transaction((manager) => this.audit.append(manager, {
      actor: username, action: outcome === 'rate_limited' ? 'auth.login_throttled' : 'auth.login_failed', subjectType: 'Login', subjectId: username, payload: { address, outcome },
    }));
  }
}
