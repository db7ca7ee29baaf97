import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import { UnauthorizedError } from '../errors/AppError';
import type { CurrentUser } from './CurrentUser';
import type { LoginThrottle } from './LoginThrottle';
import { verifyPassword } from './passwords';
import type { SessionStore } from './SessionStore';
import type { UserDirectory } from './UserDirectory';

/** Signs users in and out; each sign-in and sign-out is one audited transaction. */
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserDirectory,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditTrail,
  ) {}

  /** Checks the credentials and opens a session; 401 on a bad pair, 429 when throttled. */
  async login(username: string, password: string, address: string): Promise<{ user: CurrentUser; token: string; expiresAt: Date }> {
    await this.throttle.assertAllowed(username, address);
    const found = await this.users.findForLogin(username);
    if (!(await verifyPassword(found?.passwordHash, password)) || !found) {
      await this.throttle.recordFailure(username, address);
      throw new UnauthorizedError('Wrong username or password', 'invalid_credentials');
    }
    await this.throttle.recordSuccess(username, address);
    const session = await this.dataSource.transaction(async (manager) => {
      const opened = await this.sessions.open(manager, found.id);
      await this.audit.append(manager, { actor: found.username, action: 'auth.login', subjectType: 'User', subjectId: found.id, payload: { address } });
      return opened;
    });
    return { user: await this.users.withAbility(found), ...session };
  }

  /** Closes the session of `token` (if it is still open) and records it. */
  async logout(token: string, user: CurrentUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await this.sessions.close(manager, token)) {
        await this.audit.append(manager, { actor: user.username, action: 'auth.logout', subjectType: 'User', subjectId: user.id });
      }
    });
  }

  /** The user behind a session token, or null when the session is gone or expired. */
  async authenticate(token: string): Promise<CurrentUser | null> {
    const userId = await this.sessions.userIdOf(token);
    return userId ? this.users.load(userId) : null;
  }
}
