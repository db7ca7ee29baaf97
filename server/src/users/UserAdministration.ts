import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { AccessEpoch } from '../auth/AccessEpoch';
import type { CurrentUser } from '../auth/CurrentUser';
import type { RoleRule } from '../permissions/RoleRule';
import { defineAbilityFor } from '../permissions/defineAbilityFor';
import { Role } from '../entities/Role';
import { User } from '../entities/User';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/AppError';
import { NoAdministratorLeftError } from './NoAdministratorLeftError';
import { SelfLockoutError } from './SelfLockoutError';
import { userAccounts, type UserAccountRow } from './userAccounts';

/**
 * Changes to who a user is allowed to be: their roles, disabling or enabling the account, and a role's rules.
 * Each change is one audited transaction (before and after) that moves the access epoch, so the user's cached
 * ability and sessions give way on this server at once and on others within a second (AccessEpoch).
 * Each user change is a compare-and-set on the value it read, so of two concurrent equal changes one
 * takes effect and the other answers 409. User changes run one at a time (each takes the access
 * epoch's row first), and one that would leave no enabled account able to manage users is refused
 * (409): two administrators demoting each other at once cannot both succeed.
 */
export class UserAdministration {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail, private readonly access: AccessEpoch, private readonly now: () => Date = () => new Date()) {}

  /** Every account by username, and the roles there are to give; for those who may update users. */
  async list(actor: CurrentUser): Promise<{ items: UserAccountRow[]; roles: { name: string; description: string }[] }> {
    this.mayManage(actor);
    const roles = await this.dataSource.getRepository(Role).find({ order: { name: 'ASC' } });
    return { items: await userAccounts(this.dataSource.manager), roles: roles.map(({ name, description }) => ({ name, description })) };
  }

  /**
   * Gives the user exactly these roles; 400 naming unknown roles, 404 for an unknown user, 409 when
   * they already hold exactly these, or when administrators would take away their own right to manage users.
   */
  async setRoles(actor: CurrentUser, userId: string, roles: string[]): Promise<UserAccountRow> {
    this.mayManage(actor);
    const wanted = [...new Set(roles)];
    const known = wanted.length ? await this.dataSource.getRepository(Role).findBy({ name: In(wanted) }) : [];
    const unknown = wanted.filter((name) => !known.some((role) => role.name === name));
    if (unknown.length) throw new ValidationError(`No role named ${unknown.join(', ')}`, unknown.map((name) => ({ field: 'roles', message: `names no role: ${name}` })));
    // Permissions are data: whether the new roles still let the actor manage users is asked of their rules, not their names.
    if (userId === actor.id && defineAbilityFor(actor, known.flatMap((role) => role.rules)).cannot('update', 'User')) {
      throw new SelfLockoutError('You cannot take away your own right to manage users; ask another administrator', 'own_admin_role');
    }
    return this.change(actor, userId, 'user.roles', async (manager, user) => {
      if (sameSet(user.roles, wanted)) throw new ConflictError('The user already has exactly these roles', { id: userId, roles: user.roles });
      const stored = await manager.createQueryBuilder(User, 'u').select('u.roles', 'roles').where('u.id = :id', { id: userId }).getRawOne<{ roles: string }>();
      const changed = await manager.createQueryBuilder().update(User).set({ roles: wanted }).where('id = :id AND roles = :before', { id: userId, before: stored?.roles }).execute();
      return { changed: changed.affected === 1, before: { roles: user.roles }, after: { roles: wanted } };
    });
  }

  /** Disables (true) or enables (false) the account: a disabled user's sessions and sign-ins are refused. 409 if it already is, or to disable oneself. */
  async setDisabled(actor: CurrentUser, userId: string, disabled: boolean): Promise<UserAccountRow> {
    this.mayManage(actor);
    if (disabled && userId === actor.id) throw new SelfLockoutError('You cannot disable your own account; ask another administrator', 'disable_self');
    return this.change(actor, userId, disabled ? 'user.disable' : 'user.enable', async (manager, user) => {
      if (Boolean(user.disabledAt) === disabled) throw new ConflictError(disabled ? 'The account is already disabled' : 'The account is not disabled', { id: userId, disabledAt: user.disabledAt?.toISOString() ?? null });
      const disabledAt = disabled ? this.now() : null;
      const changed = await manager.createQueryBuilder().update(User).set({ disabledAt }).where(`id = :id AND disabledAt IS ${disabled ? '' : 'NOT '}NULL`, { id: userId }).execute();
      return { changed: changed.affected === 1, before: { disabledAt: user.disabledAt?.toISOString() ?? null }, after: { disabledAt: disabledAt?.toISOString() ?? null } };
    });
  }

  /** Replaces a role's rules; every holder's next request is judged by them. 404 for an unknown role. */
  async setRoleRules(actor: CurrentUser, roleName: string, rules: RoleRule[]): Promise<void> {
    if (actor.ability.cannot('update', 'Role')) throw new ForbiddenError('You may not change roles');
    await this.dataSource.transaction(async (manager) => {
      const role = await manager.findOneBy(Role, { name: roleName });
      if (!role) throw new NotFoundError('Role', roleName);
      role.rules = rules;
      await manager.save(role);
      await this.access.bump(manager);
      await this.audit.append(manager, { actor: actor.username, action: 'role.rules', subjectType: 'Role', subjectId: roleName, payload: { rules } });
    });
  }

  private mayManage(actor: CurrentUser): void {
    if (actor.ability.cannot('update', 'User')) throw new ForbiddenError('You may not manage users');
  }

  /** One audited transaction: `apply` updates the row only if it still holds what was read, else the change lost a race (409). */
  private async change(
    actor: CurrentUser,
    userId: string,
    action: string,
    apply: (manager: EntityManager, user: User) => Promise<{ changed: boolean; before: Record<string, unknown>; after: Record<string, unknown> }>,
  ): Promise<UserAccountRow> {
    const account = await this.dataSource.transaction(async (manager) => {
      // the epoch's row lock first: concurrent user changes queue here, and each then reads what the ones before it committed
      await this.access.bump(manager);
      const user = await manager.findOneBy(User, { id: userId });
      if (!user) throw new NotFoundError('User', userId);
      const { changed, before, after } = await apply(manager, user);
      if (!changed) throw new ConflictError('The account was changed meanwhile; reload and try again', { id: userId });
      if (!(await someoneManagesUsers(manager))) throw new NoAdministratorLeftError();
      await this.audit.append(manager, { actor: actor.username, action, subjectType: 'User', subjectId: userId, payload: { username: user.username, before, after } });
      return (await userAccounts(manager, [userId]))[0];
    });
    return account;
  }
}

/** Whether an enabled account may still manage users, judged by its roles' rules (permissions are data, not role names). */
async function someoneManagesUsers(manager: EntityManager): Promise<boolean> {
  const rules = new Map((await manager.find(Role)).map((role) => [role.name, role.rules]));
  const users = await manager.find(User, { where: { disabledAt: IsNull() }, select: { id: true, username: true, dealerId: true, groups: true, roles: true } });
  return users.some((user) => defineAbilityFor(user, user.roles.flatMap((name) => rules.get(name) ?? [])).can('update', 'User'));
}

/** Whether two role lists hold the same names, in any order. */
function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}
