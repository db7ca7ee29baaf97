import type { Router } from '@koa/router';
import type Koa from 'koa';

/** Every route the app's routers register, as `METHOD /path` in the routers' syntax (HEAD left out), sorted. */
export function registeredRoutes(app: Koa): string[] {
  const routers = app.middleware.flatMap((middleware) => (middleware as { routers?: Router[] }).routers ?? []);
  const routes = routers.flatMap((router) => router.stack.flatMap((layer) => layer.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${String(layer.path).replace(/(.)\/$/, '$1')}`)));
  return [...new Set(routes)].sort();
}
