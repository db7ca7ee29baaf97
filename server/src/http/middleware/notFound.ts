import type { Middleware } from 'koa';
import { NotFoundError } from '../../errors/AppError';

/**
 * Turns "nothing answered" into a 404 in the error shape. It wraps the routers (rather
 * than sitting after them) so the routers' 405 for a wrong method still wins.
 */
export const notFound: Middleware = async (ctx, next) => {
  await next();
  if (ctx.status === 404 && ctx.body == null) throw new NotFoundError('Route', `${ctx.method} ${ctx.path}`);
};
