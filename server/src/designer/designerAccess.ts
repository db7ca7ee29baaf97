import type { CurrentUser } from '../auth/CurrentUser';
import { ForbiddenError } from '../errors/AppError';

/** A 403 unless `user` may read (or, with `create`, deploy and draft) processes: the designer is for process admins. */
export function assertDesigner(user: CurrentUser, action: 'read' | 'create'): void {
  if (user.ability.cannot(action, 'Deployment')) throw new ForbiddenError('Only process admins use the designer');
}
