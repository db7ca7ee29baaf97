import { createHash, randomBytes } from 'node:crypto';
import { LessThan, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { Session } from '../entities/Session';

/** The session's id for a cookie token: its SHA-256, so the table never holds a usable token. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Browser sessions in the database: the cookie carries a random token, the table its hash. */
export class SessionStore {
  constructor(private readonly dataSource: DataSource, private readonly maxAgeMs: number, private readonly now: () => Date = () => new Date()) {}

  /** Opens a session for `userId` inside the caller's transaction; returns the cookie token. */
  async open(manager: EntityManager, userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + this.maxAgeMs);
    await manager.insert(Session, { id: sessionIdOf(token), userId, expiresAt });
    return { token, expiresAt };
  }

  /** The user id of a live session, or null. */
  async userIdOf(token: string): Promise<string | null> {
    const session = await this.dataSource.getRepository(Session).findOneBy({ id: sessionIdOf(token), expiresAt: MoreThan(this.now()) });
    return session?.userId ?? null;
  }

  /** The live session of `token` with its expiry, or null. */
  async find(token: string): Promise<{ id: string; userId: string; expiresAt: Date } | null> {
    const session = await this.dataSource.getRepository(Session).findOneBy({ id: sessionIdOf(token), expiresAt: MoreThan(this.now()) });
    return session && { id: session.id, userId: session.userId, expiresAt: session.expiresAt };
  }

  /** Ends the session; true when there was one to end. */
  async close(manager: EntityManager, token: string): Promise<boolean> {
    const result = await manager.delete(Session, { id: sessionIdOf(token) });
    return (result.affected ?? 0) > 0;
  }

  /** Removes expired sessions; returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.dataSource.transaction((manager) => manager.delete(Session, { expiresAt: LessThan(this.now()) }));
    return result.affected ?? 0;
  }
}
