import { In, type DataSource } from 'typeorm';
import { AccessCache } from '../auth/AccessCache';
import type { AccessEpoch } from '../auth/AccessEpoch';
import type { CurrentUser } from '../auth/CurrentUser';
import { Role } from '../entities/Role';
import { UnauthorizedError } from '../errors/AppError';
import { defineAbilityFor } from '../permissions/defineAbilityFor';
import { ApiToken } from './ApiToken';
import type { TokenRateLimit } from './TokenRateLimit';
import { tokenId, tokenMatches } from './tokenSecret';

/** How stale lastUsedAt may get before a request writes it again: one write per token and minute at most. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The name a service account acts under in the audit trail and in task assignments. */
export const serviceAccountName = (token: Pick<ApiToken, 'name'>): string => `api:${token.name}`;

/** A token's row and principal as cached, with when this server last recorded its use. */
interface KnownToken { row: ApiToken; principal: CurrentUser; lastUsedAt: Date | null }

/**
 * Resolves `Authorization: Bearer` tokens to a principal shaped like a signed-in user: the
 * account's roles and dealer scope, so every CASL check applies unchanged. Refusals are 401
 * with a code saying why (invalid_token, token_expired, token_revoked); a spent budget is 429.
 * Tokens and their principals are cached under the access epoch (see AccessEpoch): a
 * revocation moves it, so the token is refused at once here and within a second elsewhere.
 */
export class TokenAuthenticator {
  private readonly cache: AccessCache<KnownToken | null>;

  constructor(private readonly dataSource: DataSource, private readonly rateLimit: TokenRateLimit, access: AccessEpoch, private readonly now: () => Date = () => new Date()) {
    this.cache = new AccessCache(access);
  }

  /** The principal behind `token`, or a 401 / 429. */
  async authenticate(token: string): Promise<CurrentUser> {
    const id = tokenId(token);
    const known = id ? await this.cache.get(id, () => this.load(id)) : null;
    if (!known || !tokenMatches(token, known.row.secretHash)) throw new UnauthorizedError('The API token is not valid', 'invalid_token');
    const { row } = known;
    if (row.revokedAt) throw new UnauthorizedError('The API token was revoked', 'token_revoked');
    const now = this.now();
    if (row.expiresAt.getTime() <= now.getTime()) throw new UnauthorizedError('The API token has expired', 'token_expired');
    await this.rateLimit.take(row.id);
    await this.touch(known, now);
    return known.principal;
  }

  private async load(id: string): Promise<KnownToken | null> {
    const row = await this.dataSource.getRepository(ApiToken).createQueryBuilder('t').addSelect('t.secretHash').where('t.id = :id', { id }).getOne();
    return row && { row, principal: await this.principal(row), lastUsedAt: row.lastUsedAt };
  }

  /**
   * Records the use, at most once per token and minute: skipped without a query while this
   * server's last record is recent, and the condition keeps servers sharing a database to one write.
   */
  private async touch(known: KnownToken, now: Date): Promise<void> {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    if (known.lastUsedAt && known.lastUsedAt >= stale) return;
    known.lastUsedAt = now;
    await this.dataSource.createQueryBuilder().update(ApiToken).set({ lastUsedAt: now })
      .where('id = :id', { id: known.row.id }).andWhere('(lastUsedAt IS NULL OR lastUsedAt < :stale)', { stale }).execute();
  }

  private async principal(row: ApiToken): Promise<CurrentUser> {
    const roles = row.roles.length ? await this.dataSource.getRepository(Role).findBy({ name: In(row.roles) }) : [];
    const account = { id: `token:${row.id}`, username: serviceAccountName(row), dealerId: row.dealerId, roles: row.roles, groups: [] as string[] };
    return { ...account, displayName: row.name, locale: 'ru', ability: defineAbilityFor(account, roles.flatMap((role) => role.rules)) };
  }
}
