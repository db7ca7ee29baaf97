import type { DataSource } from 'typeorm';
import { AuditTrail } from './audit/AuditTrail';
import { AuthService } from './auth/AuthService';
import { LoginThrottle, type LoginThrottleOptions } from './auth/LoginThrottle';
import { SessionStore } from './auth/SessionStore';
import { UserDirectory } from './auth/UserDirectory';
import { DealerService } from './dealers/DealerService';
import { UserService } from './users/UserService';

/** The server's services, wired once at start-up and handed to the routes. */
export interface Services {
  dataSource: DataSource;
  audit: AuditTrail;
  auth: AuthService;
  sessions: SessionStore;
  dealers: DealerService;
  users: UserService;
}

/** Options the services need beyond the database. */
export interface ServiceOptions {
  sessionMaxAgeMs: number;
  loginThrottle?: LoginThrottleOptions;
}

/** Wires the services over one DataSource. */
export function createServices(dataSource: DataSource, options: ServiceOptions): Services {
  const audit = new AuditTrail(dataSource);
  const sessions = new SessionStore(dataSource, options.sessionMaxAgeMs);
  const directory = new UserDirectory(dataSource);
  const auth = new AuthService(dataSource, directory, sessions, new LoginThrottle(options.loginThrottle), audit);
  return { dataSource, audit, auth, sessions, dealers: new DealerService(dataSource, audit), users: new UserService(dataSource) };
}
