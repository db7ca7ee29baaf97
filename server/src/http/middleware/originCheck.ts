import type { Middleware } from 'koa';
import { AppError } from '../../errors/AppError';
import { bearerOf } from './authenticate';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sec-Fetch-Site values a browser sends for requests the app's own pages make (or the user typed). */
const ownSites = new Set(['same-origin', 'none']);

/**
 * Refuses state-changing requests another site's page makes: the browser names the page's
 * origin (Origin) and how it relates to us (Sec-Fetch-Site). Allowed are the server's own
 * origin and `allowedOrigins`; requests with neither header (curl, machine clients) pass,
 * as they carry no browser's cookies by accident; so do requests with a bearer token. SameSite=Lax alone lets same-site pages
 * and top-level navigations through, and a body-less POST needs no CORS preflight.
 */
export function originCheck(allowedOrigins: readonly string[] = []): Middleware {
  const allowed = new Set(allowedOrigins);
  return async (ctx, next) => {
    if (safeMethods.has(ctx.method)) return next();
    // A bearer request is authenticated by its token alone (authenticate ignores its cookies), and
    // another site's page cannot set Authorization without a CORS preflight we never grant.
    if (bearerOf(ctx.get('Authorization'))) return next();
    const origin = ctx.get('Origin');
    const site = ctx.get('Sec-Fetch-Site');
    const listed = allowed.has(origin);
    // Our own origin as the browser addressed us (Koa 3's ctx.origin is the Origin header itself).
    const own = `${ctx.protocol}://${ctx.host}`;
    const badOrigin = origin !== '' && origin !== own && !listed;
    const badSite = site !== '' && !ownSites.has(site) && !listed;
    if (badOrigin || badSite) {
      throw new AppError(403, 'cross_site_request', 'Requests from another site may not change anything here', { origin: origin || null, secFetchSite: site || null });
    }
    await next();
  };
}
