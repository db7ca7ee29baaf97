import { packRules } from '@casl/ability/extra';
import { Router } from '@koa/router';
import { authRoutes as contract, type PackedRule, type SessionUser } from '@dealerflow/contract';
import type { AuthService } from './AuthService';
import type { CurrentUser } from './CurrentUser';
import type { DealerService } from '../dealers/DealerService';
import { sessionIdOf } from './SessionStore';
import type { TaskEvents } from '../tasks/TaskEvents';
import { candidateGroupsOf } from './CurrentUser';
import { SESSION_COOKIE } from '../http/context';
import { contractRoute } from '../http/contractRoute';
import { signedCookie } from '../http/signedCookie';
import { requireUser } from '../http/requireUser';

/** The user as /api/me and the login response describe it. */
function describe(user: CurrentUser): SessionUser {
  const { ability: _ability, ...person } = user;
  return { ...person, candidateGroups: candidateGroupsOf(user) };
}

/** Sign-in, sign-out (which also ends the session's task streams) and who am I. */
export function authRoutes(auth: AuthService, dealers: DealerService, taskEvents: TaskEvents, options: { secureCookies: boolean }): Router {
  const router = new Router({ prefix: '/api' });

  contractRoute(router, contract.login, async (ctx, { body: { username, password } }) => {
    const { user, token, expiresAt } = await auth.login(username, password, ctx.ip);
    ctx.cookies.set(SESSION_COOKIE, token, { signed: true, httpOnly: true, sameSite: 'lax', secure: options.secureCookies, expires: expiresAt, overwrite: true });
    return { user: describe(user) };
  });

  contractRoute(router, contract.logout, async (ctx) => {
    const user = requireUser(ctx);
    const token = signedCookie(ctx, SESSION_COOKIE)!;
    await auth.logout(token, user);
    taskEvents.endSession(sessionIdOf(token), 'signed_out');
    ctx.cookies.set(SESSION_COOKIE, null, { signed: true, overwrite: true });
  });

  contractRoute(router, contract.me, async (ctx) => {
    const user = requireUser(ctx);
    const dealer = user.dealerId ? await dealers.get(user, user.dealerId).catch(() => null) : null;
    return { user: describe(user), dealer: dealer && { id: dealer.id!, name: dealer.name!, region: dealer.region! }, rules: packRules(user.ability.rules) as PackedRule[] };
  });

  return router;
}
