import { UserDirectory } from '../../src/auth/UserDirectory';
import { Role } from '../../src/entities/Role';
import { User } from '../../src/entities/User';
import type { RoleRule } from '../../src/permissions/RoleRule';
import type { RunningServer } from '../../src/server';

/**
 * Changes a role's rules as an admin would, through the service that moves the access epoch
 * (cached abilities give way at once); returns the rules it had, to put back.
 */
export async function setRoleRules(server: RunningServer, roleName: string, change: (rules: RoleRule[]) => RoleRule[]): Promise<RoleRule[]> {
  const { dataSource, services } = server;
  const before = (await dataSource.getRepository(Role).findOneByOrFail({ name: roleName })).rules;
  const admin = await new UserDirectory(dataSource).withAbility(await dataSource.getRepository(User).findOneByOrFail({ username: 'admin' }));
  await services.userAdmin.setRoleRules(admin, roleName, change(before));
  return before;
}
