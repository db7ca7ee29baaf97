import { Brackets, type EntityManager } from 'typeorm';
import { User } from '../entities/User';

/** Who a notification is for: named people, candidate groups, or a dealer's people. */
export interface Audience {
  /** Logins, e.g. a task's assignee or candidate users, or a mentioned person. */
  users?: readonly string[];
  /** Candidate groups (role names or extra groups such as `warranty`); members outside the case's dealer are left out. */
  groups?: readonly string[];
  /** The case's dealer: group members of other dealers are left out (distributor staff stay in). */
  dealerId?: string | null;
  /** Everyone who works for `dealerId`. */
  dealerPeople?: boolean;
  /** Logins never notified, e.g. the person who caused the change. */
  exclude?: readonly string[];
}

/** A person a notification goes to. */
export interface Recipient {
  username: string;
  locale: string;
}

const jsonListHas = (column: string, param: string) => `${column} LIKE :${param}`;

/** The people an audience names, each once, found in SQL. */
export async function resolveAudience(manager: EntityManager, audience: Audience): Promise<Recipient[]> {
  const users = [...new Set(audience.users ?? [])].filter(Boolean);
  const groups = [...new Set(audience.groups ?? [])].filter(Boolean);
  const dealerId = audience.dealerId ?? null;
  const wantsDealer = Boolean(audience.dealerPeople && dealerId);
  if (!users.length && !groups.length && !wantsDealer) return [];
  const query = manager.getRepository(User).createQueryBuilder('u').select(['u.username', 'u.locale']);
  query.where(new Brackets((any) => {
    if (users.length) any.orWhere('u.username IN (:...users)', { users });
    if (wantsDealer) any.orWhere('u.dealerId = :dealerId', { dealerId });
    if (groups.length) {
      any.orWhere(new Brackets((member) => {
        member.where(new Brackets((inGroup) => {
          // roles and groups are JSON arrays of strings: a quoted name matches one element exactly.
          groups.forEach((group, i) => {
            inGroup.orWhere(jsonListHas('u.roles', `role${i}`), { [`role${i}`]: `%${JSON.stringify(group)}%` });
            inGroup.orWhere(jsonListHas('u.groups', `group${i}`), { [`group${i}`]: `%${JSON.stringify(group)}%` });
          });
        }));
        member.andWhere(dealerId ? '(u.dealerId IS NULL OR u.dealerId = :groupDealer)' : 'u.dealerId IS NULL', { groupDealer: dealerId });
      }));
    }
  }));
  const exclude = new Set(audience.exclude ?? []);
  return (await query.orderBy('u.username').getMany()).filter((u) => !exclude.has(u.username)).map((u) => ({ username: u.username, locale: u.locale }));
}
