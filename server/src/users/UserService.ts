import type { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { User } from '../entities/User';
import { NotFoundError } from '../errors/AppError';
import { accessibleBy } from '../permissions/accessibleBy';
import { permittedView } from '../permissions/permittedView';

/** Reads the user directory as the caller's permissions allow. */
export class UserService {
  constructor(private readonly dataSource: DataSource) {}

  /** The users the caller may read, masked. */
  async list(user: CurrentUser): Promise<Partial<User>[]> {
    const query = accessibleBy(this.dataSource.getRepository(User).createQueryBuilder('u'), user.ability, 'read', 'User').orderBy('u.username');
    return (await query.getMany()).map((row) => permittedView(user.ability, 'read', 'User', row)).filter((view) => view !== null);
  }

  /** One user, masked; 404 when out of reach. */
  async get(user: CurrentUser, id: string): Promise<Partial<User>> {
    const row = await this.dataSource.getRepository(User).findOneBy({ id });
    const view = row && permittedView(user.ability, 'read', 'User', row);
    if (!view) throw new NotFoundError('User', id);
    return view;
  }
}
