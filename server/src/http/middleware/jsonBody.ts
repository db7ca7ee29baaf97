import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import { AppError } from '../../errors/AppError';

/** Request bodies are JSON, at most `limit`; anything else is 415 (which also blocks cross-site form posts). */
export function jsonBody(limit = '1mb'): Middleware {
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: limit, encoding: 'utf-8' });
  return async (ctx, next) => {
    if (ctx.request.length && !ctx.is('application/json')) {
      throw new AppError(415, 'unsupported_media_type', 'Send the request body as application/json');
    }
    return parse(ctx, next);
  };
}
