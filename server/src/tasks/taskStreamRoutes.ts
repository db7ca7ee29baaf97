import { PassThrough } from 'node:stream';
import { Router } from '@koa/router';
import { taskRoutes as contract } from '@dealerflow/contract';
import type { SessionStore } from '../auth/SessionStore';
import { UnauthorizedError } from '../errors/AppError';
import { concerns, type StreamEndReason, type TaskEvents } from './TaskEvents';
import { SESSION_COOKIE } from '../http/context';
import { contractRoute } from '../http/contractRoute';
import { signedCookie } from '../http/signedCookie';
import { requireUser } from '../http/requireUser';

const HEARTBEAT_MS = 25_000;
const RECONNECT_AFTER_END_MS = 60_000;
/** setTimeout's longest delay; a longer session is re-checked by the heartbeat instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `GET /api/tasks/stream`: server-sent events telling an open inbox which of its tasks changed.
 * A stream lives no longer than its session: it ends at sign-out, at expiry, and when the
 * heartbeat finds the session gone (ended by another server); the last event says why.
 */
export function taskStreamRoutes(events: TaskEvents, sessions: SessionStore): Router {
  const router = new Router({ prefix: '/api/tasks' });
  contractRoute(router, contract.stream, async (ctx) => {
    const user = requireUser(ctx);
    const token = signedCookie(ctx, SESSION_COOKIE);
    const session = token ? await sessions.find(token) : null;
    if (!token || !session) throw new UnauthorizedError();
    const stream = new PassThrough();
    ctx.req.socket.setTimeout(0);
    ctx.req.socket.setKeepAlive(true);
    ctx.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    stream.write(': connected\n\n');
    const unsubscribe = events.subscribe((change) => {
      if (concerns(user, change)) stream.write(`event: task\ndata: ${JSON.stringify({ key: change.key, change: change.change, processInstanceKey: change.processInstanceKey })}\n\n`);
    });
    let open = true;
    const close = (reason?: StreamEndReason) => {
      if (!open) return;
      open = false;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
      untrack();
      // `retry` slows the browser's automatic reconnect, so a user's sixth tab does not start a round of evictions every few seconds.
      stream.end(reason ? `retry: ${RECONNECT_AFTER_END_MS}\nevent: end\ndata: ${JSON.stringify({ reason })}\n\n` : undefined);
    };
    const expiry = setTimeout(() => close('session_expired'), Math.min(MAX_TIMER_MS, session.expiresAt.getTime() - Date.now()));
    const heartbeat = setInterval(() => {
      stream.write(': heartbeat\n\n');
      sessions.find(token).then((live) => live || close('signed_out'), () => undefined);
    }, HEARTBEAT_MS);
    const untrack = events.track({ userId: user.id, sessionId: session.id, end: close });
    ctx.req.on('close', () => close());
    return stream;
  });
  return router;
}
