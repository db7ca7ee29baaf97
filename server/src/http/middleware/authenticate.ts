import type { Middleware } from 'koa';
import type { AuthService } from '../../auth/AuthService';
import { AppError, UnauthorizedError } from '../../errors/AppError';
import { isPeopleOnlyPath } from '../../tokens/peopleOnlyPaths';
import { defineAbilityFor } from '../../permissions/defineAbilityFor';
import type { TokenAuthenticator } from '../../tokens/TokenAuthenticator';
import { SESSION_COOKIE } from '../context';
import { signedCookie } from '../signedCookie';

const anonymous = defineAbilityFor(null, []);

/** The bearer credential of a request, read only from the Authorization header (never from the query string). */
export function bearerOf(authorization: string): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? match[1] : null;
}

/**
 * Resolves the caller: an `Authorization: Bearer` API token (and then never the cookie), else
 * the session cookie. Anonymous requests get an ability that allows nothing; a bad token is a 401.
 */
export function authenticate(auth: AuthService, tokens: TokenAuthenticator): Middleware {
  return async (ctx, next) => {
    const authorization = ctx.get('Authorization');
    // Other schemes (a proxy's Basic auth in front of the app) are not ours to judge.
    if (/^Bearer(\s|$)/i.test(authorization)) {
      const bearer = bearerOf(authorization);
      if (!bearer) throw new UnauthorizedError('Send the API token as "Authorization: Bearer <token>"', 'invalid_token');
      const principal = await tokens.authenticate(bearer);
      if (isPeopleOnlyPath(ctx.path)) throw new AppError(403, 'not_for_api_tokens', 'This route is for people signed in with a browser, not for API tokens');
      ctx.state.user = principal;
      ctx.state.ability = principal.ability;
      return next();
    }
    const token = signedCookie(ctx, SESSION_COOKIE);
    const user = token ? await auth.authenticate(token) : null;
    ctx.state.user = user ?? undefined;
    ctx.state.ability = user?.ability ?? anonymous;
    await next();
  };
}
