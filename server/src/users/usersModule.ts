import { Role } from '../entities/Role';
import { User } from '../entities/User';
import { defineModule } from '../modules/FeatureModule';
import { UserAdministration } from './UserAdministration';
import { userAdminRoutes } from './userAdminRoutes';
import { userRoutes } from './userRoutes';
import { UserService } from './UserService';

/** People and their roles: the user list, and roles and disabling for admins. */
export const usersModule = defineModule({
  name: 'users',
  entities: [User, Role],
  needs: ['audit', 'access'],
  makes: ['users', 'userAdmin'],
  services: ({ dataSource, audit, access }) => ({ users: new UserService(dataSource), userAdmin: new UserAdministration(dataSource, audit, access) }),
  routes: (s) => [userRoutes(s.users), userAdminRoutes(s.userAdmin)],
});
