import type { Middleware } from 'koa';
import { isDatabaseFault } from '../../db/databaseFaults';
import { AppError } from '../../errors/AppError';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  message?: string;
}

/** Codes for the errors Koa and its body parser raise themselves. */
const httpCodes: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** The one place errors become responses: `{ code, message, details }`, never a stack trace. */
export const errorHandler: Middleware = async (ctx, next) => {
  try {
    await next();
  } catch (thrown) {
    if (thrown instanceof AppError) {
      ctx.status = thrown.status;
      ctx.set(thrown.headers);
      ctx.body = { code: thrown.code, message: thrown.message, details: thrown.details ?? null };
      return;
    }
    const err = (thrown ?? {}) as HttpLikeError;
    const status = err.status ?? err.statusCode ?? 500;
    if (status < 500 && err.expose !== false) {
      ctx.status = status;
      const message = thrown instanceof SyntaxError ? 'Request body is not valid JSON' : err.message || 'Bad request';
      ctx.body = { code: httpCodes[status] ?? 'bad_request', message, details: null };
      return;
    }
    if (isDatabaseFault(thrown)) {
      // the database is down or refuses writes: say so, so clients retry instead of reporting a bug
      ctx.log.warn({ err: thrown }, 'database unavailable');
      ctx.status = 503;
      ctx.set('Retry-After', '2');
      ctx.body = { code: 'database_unavailable', message: 'The database is unavailable, so this request was not confirmed; try again shortly', details: { requestId: ctx.state.requestId } };
      return;
    }
    ctx.log.error({ err: thrown }, 'request failed');
    ctx.status = 500;
    ctx.body = { code: 'internal', message: 'Something went wrong on our side', details: { requestId: ctx.state.requestId } };
  }
};
