import type { Router } from '@koa/router';
import type { Middleware, Next, ParameterizedContext } from 'koa';

/** The fixed start of a route path (before its first parameter or pattern), lower-cased, without a trailing slash. */
function staticStart(path: string | RegExp): string {
  if (typeof path !== 'string') return '';
  return path.split(/[:(*?]/, 1)[0].replace(/\/+$/, '').toLowerCase();
}

/**
 * Mounts the routers as one middleware that runs, in order, only those with a route whose fixed
 * start the request's path begins with (routes match case-insensitively, so the test is too).
 * Chaining every router's `routes()` and `allowedMethods()` made each request walk some sixty
 * middleware and every route's pattern; a router skipped here could not have matched, so what
 * answers, and the 405 for a wrong method (when `allowedMethods`), stay as they were.
 */
export function mountRouters(routers: Router[], { allowedMethods = true } = {}): Middleware & { routers: Router[] } {
  const mounted = routers.map((router) => {
    const routes = router.routes() as Middleware;
    const allowed = router.allowedMethods({ throw: true }) as Middleware;
    return {
      starts: [...new Set(router.stack.map((layer) => staticStart(layer.path)))],
      // as app.use(routes) then app.use(allowed): the 405 check wraps what comes after the router
      run: allowedMethods ? (ctx: ParameterizedContext, next: Next) => routes(ctx, () => allowed(ctx, next)) : routes,
    };
  });
  const middleware = (ctx: ParameterizedContext, next: Next) => {
    const path = ctx.path.toLowerCase();
    const from = (index: number): Promise<unknown> => {
      for (let i = index; i < mounted.length; i += 1) {
        if (mounted[i].starts.some((start) => path.startsWith(start))) return mounted[i].run(ctx, () => from(i + 1)) as Promise<unknown>;
      }
      return next();
    };
    return from(0);
  };
  // the routers stay readable: tests list every route the app answers from them
  return Object.assign(middleware, { routers });
}
