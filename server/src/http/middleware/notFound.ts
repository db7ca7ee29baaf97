import type { Middleware } from 'koa';
import { NotFoundError } from '../../errors/AppError';

/** The last middleware: nothing answered, so the route does not exist. */
export const notFound: Middleware = async (ctx) => {
  throw new NotFoundError('Route', `${ctx.method} ${ctx.path}`);
};
