import { In, type DataSource } from 'typeorm';
import { Role } from '../entities/Role';
import { User } from '../entities/User';
import { defineAbilityFor } from '../permissions/defineAbilityFor';
import type { CurrentUser } from './CurrentUser';

/** Loads users with their roles' rules and builds their ability. */
export class UserDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** The user with this id as a CurrentUser, or null if it no longer exists or is disabled. */
  async load(userId: string): Promise<CurrentUser | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    return user && !user.disabledAt ? this.withAbility(user) : null;
  }

  /** A user with the password hash, for sign-in only. */
  findForLogin(username: string): Promise<User | null> {
    return this.dataSource.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.username = :username', { username }).getOne();
  }

  /** Builds the CurrentUser of a loaded row. */
  async withAbility(user: User): Promise<CurrentUser> {
    const roles = user.roles.length ? await this.dataSource.getRepository(Role).findBy({ name: In(user.roles) }) : [];
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      dealerId: user.dealerId,
      roles: user.roles,
      groups: user.groups,
      locale: user.locale,
      ability: defineAbilityFor(user, roles.flatMap((role) => role.rules)),
    };
  }
}
