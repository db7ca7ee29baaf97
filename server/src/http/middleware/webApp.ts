import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Middleware } from 'koa';
import serve from 'koa-static';

/** Serves the built single-page app; unknown non-API paths get its index.html so client routes work on reload. */
export function webApp(root: string): Middleware {
  const files = serve(root, { index: 'index.html', maxage: 0 });
  const index = serve(root, { index: 'index.html' });
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || ctx.path === '/api' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    await files(ctx, async () => {
      if (!ctx.accepts('html')) return next();
      const path = ctx.path;
      ctx.path = '/';
      await index(ctx, next);
      ctx.path = path;
    });
  };
}

/** The web app's build folder, if it has been built. */
export function findWebRoot(configured?: string): string | undefined {
  const candidate = configured ?? join(__dirname, '..', '..', '..', '..', 'web', 'dist');
  return existsSync(join(candidate, 'index.html')) ? candidate : undefined;
}
