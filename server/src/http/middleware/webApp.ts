import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, Middleware } from 'koa';
import serve from 'koa-static';
import { compressedAssets, FOREVER } from './compressedAssets';

/** Anything else (index.html above all) is checked with the server on every load, so a new build shows at once. */
const REVALIDATE = 'no-cache';

const cacheControl = (ctx: Context) => ctx.set('Cache-Control', ctx.path.startsWith('/assets/') && ctx.status === 200 ? FOREVER : REVALIDATE);

/** Serves the built single-page app (hashed scripts and styles compressed once, see compressedAssets); unknown non-API paths get its index.html so client routes work on reload. */
export function webApp(root: string): Middleware {
  const files = serve(root, { index: 'index.html' });
  const assets = compressedAssets(root);
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || ctx.path === '/api' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    await assets(ctx, () => files(ctx, async () => {
      // A missing hashed file is an old build's: a 404, not the app's page in its place.
      if (!ctx.accepts('html') || ctx.path.startsWith('/assets/')) return next();
      const path = ctx.path;
      ctx.path = '/';
      await files(ctx, next);
      ctx.path = path;
    }));
    if (ctx.body !== undefined && ctx.body !== null) cacheControl(ctx);
  };
}

/** The web app's build folder, if it has been built. */
export function findWebRoot(configured?: string): string | undefined {
  const candidate = configured ?? join(__dirname, '..', '..', '..', '..', 'web', 'dist');
  return existsSync(join(candidate, 'index.html')) ? candidate : undefined;
}
