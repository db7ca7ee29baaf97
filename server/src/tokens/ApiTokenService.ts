import { In, IsNull, type DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { AccessEpoch } from '../auth/AccessEpoch';
import type { CurrentUser } from '../auth/CurrentUser';
import { Dealer } from '../entities/Dealer';
import { Role } from '../entities/Role';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/AppError';
import { ApiToken } from './ApiToken';
import { hashToken, newToken } from './tokenSecret';

/** The longest a token may live: a forgotten integration should not hold a key for ever. */
export const MAX_TOKEN_LIFETIME_DAYS = 730;

/** What an admin asks for. */
export interface NewApiToken {
  name: string;
  roles: string[];
  dealerId?: string | null;
  /** ISO date-time in the future, at most MAX_TOKEN_LIFETIME_DAYS ahead. */
  expiresAt: string;
}

/** A token as the API lists it: never its secret, nor the secret's hash. */
export interface ApiTokenDto {
  id: string;
  name: string;
  roles: string[];
  dealerId: string | null;
  dealerName: string | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
}

const DAY_MS = 24 * 3600_000;

/** Service accounts' tokens: created and revoked by admins, each change one audited transaction. */
export class ApiTokenService {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail, private readonly access: AccessEpoch, private readonly now: () => Date = () => new Date()) {}

  /** Every token, newest first; needs `read ApiToken`. */
  async list(user: CurrentUser): Promise<ApiTokenDto[]> {
    if (user.ability.cannot('read', 'ApiToken')) throw new ForbiddenError('You may not see API tokens');
    const tokens = await this.dataSource.getRepository(ApiToken).find({ order: { createdAt: 'DESC', id: 'ASC' } });
    const dealerIds = [...new Set(tokens.map((t) => t.dealerId).filter((id) => id !== null))];
    const dealers = dealerIds.length ? await this.dataSource.getRepository(Dealer).findBy({ id: In(dealerIds) }) : [];
    const names = new Map(dealers.map((d) => [d.id, d.name]));
    return tokens.map((token) => dto(token, token.dealerId ? names.get(token.dealerId) ?? null : null));
  }

  /** Creates a token; the answer carries its secret, which is never shown again. */
  async create(user: CurrentUser, request: NewApiToken): Promise<{ token: ApiTokenDto; secret: string }> {
    if (user.ability.cannot('create', 'ApiToken')) throw new ForbiddenError('You may not create API tokens');
    const name = request.name.trim();
    const dealerId = request.dealerId ?? null;
    const roles = [...new Set(request.roles)];
    const expiresAt = this.checkedExpiry(request.expiresAt);
    const { id, token } = newToken();
    const row = Object.assign(new ApiToken(), {
      id, name, roles, dealerId, secretHash: hashToken(token), createdBy: user.username, createdAt: this.now(), expiresAt, lastUsedAt: null, revokedAt: null, revokedBy: null,
    });
    const dealerName = await this.dataSource.transaction(async (manager) => {
      const known = await manager.findBy(Role, { name: In(roles) });
      const unknown = roles.filter((role) => !known.some((k) => k.name === role));
      if (unknown.length) throw new ValidationError(`No role named ${unknown.join(', ')}`, unknown.map(() => ({ field: 'roles', message: 'names no role' })));
      const dealer = dealerId === null ? null : await manager.findOneBy(Dealer, { id: dealerId });
      if (dealerId !== null && !dealer) throw new ValidationError(`No dealer ${dealerId}`, [{ field: 'dealerId', message: 'names no dealer' }]);
      await manager.insert(ApiToken, row);
      await this.audit.append(manager, { actor: user.username, action: 'apiToken.create', subjectType: 'ApiToken', subjectId: id, payload: { name, roles, dealerId, expiresAt: expiresAt.toISOString() } });
      return dealer?.name ?? null;
    });
    return { token: dto(row, dealerName), secret: token };
  }

  /** Revokes a token at once; 404 for an unknown id, 409 when it is already revoked. */
  async revoke(user: CurrentUser, id: string): Promise<ApiTokenDto> {
    if (user.ability.cannot('delete', 'ApiToken')) throw new ForbiddenError('You may not revoke API tokens');
    const at = this.now();
    const revoked = await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOneBy(ApiToken, { id });
      if (!token) throw new NotFoundError('API token', id);
      // The condition on revokedAt lets only one of two concurrent revocations through.
      const result = await manager.update(ApiToken, { id, revokedAt: IsNull() }, { revokedAt: at, revokedBy: user.username });
      if (!result.affected) throw new ConflictError(`API token ${token.name} is already revoked`, { id });
      await this.access.bump(manager);
      await this.audit.append(manager, { actor: user.username, action: 'apiToken.revoke', subjectType: 'ApiToken', subjectId: id, payload: { name: token.name } });
      return Object.assign(token, { revokedAt: at, revokedBy: user.username });
    });
    const dealer = revoked.dealerId ? await this.dataSource.getRepository(Dealer).findOneBy({ id: revoked.dealerId }) : null;
    return dto(revoked, dealer?.name ?? null);
  }

  /** The requested expiry as a date; 400 when past or too far ahead. */
  private checkedExpiry(value: string): Date {
    const expiresAt = new Date(value);
    const now = this.now().getTime();
    if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now) throw new ValidationError('The expiry must be in the future', [{ field: 'expiresAt', message: 'must be in the future' }]);
    if (expiresAt.getTime() > now + MAX_TOKEN_LIFETIME_DAYS * DAY_MS) throw new ValidationError(`A token lives at most ${MAX_TOKEN_LIFETIME_DAYS} days`, [{ field: 'expiresAt', message: `must be within ${MAX_TOKEN_LIFETIME_DAYS} days` }]);
    return expiresAt;
  }
}

function dto(token: ApiToken, dealerName: string | null): ApiTokenDto {
  const { id, name, roles, dealerId, createdBy, createdAt, expiresAt, lastUsedAt, revokedAt, revokedBy } = token;
  return { id, name, roles, dealerId, dealerName, createdBy, createdAt, expiresAt, lastUsedAt, revokedAt, revokedBy };
}
