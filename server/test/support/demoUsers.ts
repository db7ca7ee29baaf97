import type { DataSource } from 'typeorm';
import { AuditTrail } from '../../src/audit/AuditTrail';
import type { CurrentUser } from '../../src/auth/CurrentUser';
import { UserDirectory } from '../../src/auth/UserDirectory';
import { ensureRoles, seedDemoData } from '../../src/demo/seed';
import { User } from '../../src/entities/User';

/** Loads roles and the demo network into `dataSource` and returns a lookup of demo users by name. */
export async function withDemoUsers(dataSource: DataSource): Promise<(username: string) => Promise<CurrentUser>> {
  const audit = new AuditTrail(dataSource);
  await ensureRoles(dataSource, audit);
  await seedDemoData(dataSource, audit);
  const directory = new UserDirectory(dataSource);
  return async (username) => {
    const row = await dataSource.getRepository(User).findOneByOrFail({ username });
    return directory.withAbility(row);
  };
}
