import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';

const acceptableId = /^[\w.:-]{1,100}$/;

/**
 * Gives every request an id (the caller's X-Request-Id when sane) and a child logger; logs one
 * line per request. The child logger is made when something first logs through it: most
 * requests never do, and making one per request was a measurable share of a small answer.
 */
export function requestContext(logger: Logger): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('X-Request-Id');
    const requestId = acceptableId.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    let child: Logger | undefined;
    Object.defineProperty(ctx, 'log', { configurable: true, enumerable: true, get: () => (child ??= logger.child({ requestId })) });
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      if (logger.isLevelEnabled('info')) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        ctx.log.info({ method: ctx.method, url: ctx.url, status: ctx.status, ms: Math.round(ms * 10) / 10, user: ctx.state.user?.username }, 'request');
      }
    }
  };
}
