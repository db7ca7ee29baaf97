import { In, type EntityManager } from 'typeorm';
import { AuditEntry } from '../entities/AuditEntry';
import { Dealer } from '../entities/Dealer';
import { User } from '../entities/User';

/** An account as the user administration shows it; dates as dates. */
export interface UserAccountRow {
  id: string;
  username: string;
  displayName: string;
  dealerId: string | null;
  dealerName: string | null;
  roles: string[];
  groups: string[];
  locale: string;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
}

/**
 * The accounts with these ids (every account when `ids` is omitted), by username: the dealer by
 * name, and the last sign-in as the audit trail recorded it (null when it holds none).
 */
export async function userAccounts(manager: EntityManager, ids?: string[]): Promise<UserAccountRow[]> {
  if (ids?.length === 0) return [];
  const users = await manager.find(User, { where: ids ? { id: In(ids) } : {}, order: { username: 'ASC' } });
  if (users.length === 0) return [];
  const dealerIds = [...new Set(users.map((u) => u.dealerId).filter((id) => id !== null))];
  const dealers = dealerIds.length ? await manager.findBy(Dealer, { id: In(dealerIds) }) : [];
  const dealerNames = new Map(dealers.map((d) => [d.id, d.name]));
  // the newest sign-in entry of each user, then those entries themselves, so their times come back as the entity maps them
  const newest = (await manager.createQueryBuilder(AuditEntry, 'e').select('MAX(e.seq)', 'seq')
    .where('e.subjectType = :type AND e.subjectId IN (:...ids) AND e.action = :action', { type: 'User', ids: users.map((u) => u.id), action: 'auth.login' })
    .groupBy('e.subjectId').getRawMany<{ seq: number | string }>()).map((row) => Number(row.seq));
  const signIns = newest.length ? await manager.findBy(AuditEntry, { seq: In(newest) }) : [];
  const lastSignIn = new Map(signIns.map((entry) => [entry.subjectId, entry.at]));
  return users.map((user) => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    dealerId: user.dealerId,
    dealerName: user.dealerId ? dealerNames.get(user.dealerId) ?? null : null,
    roles: user.roles,
    groups: user.groups,
    locale: user.locale,
    disabledAt: user.disabledAt,
    lastSignInAt: lastSignIn.get(user.id) ?? null,
  }));
}

