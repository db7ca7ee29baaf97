import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import { AppError } from '../../errors/AppError';

/** The deepest nesting of arrays and objects a JSON body may have. */
export const MAX_JSON_DEPTH = 32;

/**
 * Request bodies are JSON, at most `limit` and `MAX_JSON_DEPTH` levels deep; anything else is
 * 415 (which also blocks cross-site form posts). Deeper bodies are refused here because
 * recursive code further on (validation, masking, canonical JSON) would overflow the stack.
 */
export function jsonBody(limit = '1mb'): Middleware {
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: limit, encoding: 'utf-8' });
  return async (ctx, next) => {
    if (ctx.request.length && !ctx.is('application/json')) {
      throw new AppError(415, 'unsupported_media_type', 'Send the request body as application/json');
    }
    return parse(ctx, async () => {
      if (depthOf(ctx.request.body) > MAX_JSON_DEPTH) {
        throw new AppError(400, 'json_too_deep', `JSON bodies may nest arrays and objects at most ${MAX_JSON_DEPTH} levels deep`, { maxDepth: MAX_JSON_DEPTH });
      }
      await next();
    });
  };
}

/** Nesting depth of a parsed JSON value, walked without recursion; stops counting past the limit. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return deepest;
}
