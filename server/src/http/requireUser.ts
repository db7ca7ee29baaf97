import type { ParameterizedContext } from 'koa';
import type { CurrentUser } from '../auth/CurrentUser';
import { UnauthorizedError } from '../errors/AppError';

/** The signed-in user, or a 401. */
export function requireUser(ctx: ParameterizedContext): CurrentUser {
  if (!ctx.state.user) throw new UnauthorizedError();
  return ctx.state.user;
}
