import type { Middleware } from 'koa';
import type { AuthService } from '../../auth/AuthService';
import { defineAbilityFor } from '../../permissions/defineAbilityFor';
import { SESSION_COOKIE } from '../context';

const anonymous = defineAbilityFor(null, []);

/** Resolves the session cookie to a user and their ability; anonymous requests get an ability that allows nothing. */
export function authenticate(auth: AuthService): Middleware {
  return async (ctx, next) => {
    const token = ctx.cookies.get(SESSION_COOKIE, { signed: true });
    const user = token ? await auth.authenticate(token) : null;
    ctx.state.user = user ?? undefined;
    ctx.state.ability = user?.ability ?? anonymous;
    await next();
  };
}
