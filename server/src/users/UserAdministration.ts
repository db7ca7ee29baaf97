import { In, type DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { AccessEpoch } from '../auth/AccessEpoch';
import type { CurrentUser } from '../auth/CurrentUser';
import type { RoleRule } from '../permissions/RoleRule';
import { Role } from '../entities/Role';
import { User } from '../entities/User';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/AppError';

/**
 * Changes to who a user is allowed to be: their roles, disabling or enabling the account, and a role's rules.
 * Each change is one audited transaction that moves the access epoch, so the user's cached
 * ability and sessions give way on this server at once and on others within a second (AccessEpoch).
 */
export class UserAdministration {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail, private readonly access: AccessEpoch, private readonly now: () => Date = () => new Date()) {}

  /** Gives the user exactly these roles; 400 naming unknown roles, 404 for an unknown user. */
  async setRoles(actor: CurrentUser, userId: string, roles: string[]): Promise<void> {
    if (actor.ability.cannot('update', 'User')) throw new ForbiddenError('You may not change users');
    const wanted = [...new Set(roles)];
    const known = new Set((await this.dataSource.getRepository(Role).findBy({ name: In(wanted.length ? wanted : ['']) })).map((role) => role.name));
    const unknown = wanted.filter((name) => !known.has(name));
    if (unknown.length) throw new ValidationError(`Unknown roles: ${unknown.join(', ')}`, { field: 'roles', unknown });
    await this.change(actor, userId, 'user.roles', { roles: wanted }, { roles: wanted });
  }

  /** Disables (true) or enables (false) the account: a disabled user's sessions and sign-ins are refused. */
  async setDisabled(actor: CurrentUser, userId: string, disabled: boolean): Promise<void> {
    if (actor.ability.cannot('update', 'User')) throw new ForbiddenError('You may not change users');
    await this.change(actor, userId, disabled ? 'user.disable' : 'user.enable', { disabledAt: disabled ? this.now() : null }, {});
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
    this.access.changed();
  }

  private async change(actor: CurrentUser, userId: string, action: string, patch: Partial<Pick<User, 'roles' | 'disabledAt'>>, payload: Record<string, unknown>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { id: userId });
      if (!user) throw new NotFoundError('User', userId);
      await manager.update(User, { id: userId }, patch);
      await this.access.bump(manager);
      await this.audit.append(manager, { actor: actor.username, action, subjectType: 'User', subjectId: userId, payload: { username: user.username, ...payload } });
    });
    this.access.changed();
  }
}
