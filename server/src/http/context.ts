import type { Logger } from 'pino';
import type { CurrentUser } from '../auth/CurrentUser';
import type { AppAbility } from '../permissions/RoleRule';

declare module 'koa' {
  interface DefaultState {
    requestId: string;
    /** Set by `authenticate` when a valid session cookie came with the request. */
    user?: CurrentUser;
    /** Always set by `authenticate`; empty (deny all) for anonymous requests. */
    ability: AppAbility;
  }
  interface DefaultContext {
    log: Logger;
  }
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'df_session';
