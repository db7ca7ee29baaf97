import { apiRoutes, routeKey, type RouteSpec } from '@dealerflow/contract';
import { compileValidator } from '@dealerflow/forms';
import type { Middleware } from 'koa';

/** A response that breaks its route's contract: a bug of ours, so it fails the request. */
export class ContractBreach extends Error {
  constructor(route: string, status: number, problems: string) {
    super(`${route} answered ${status} with a body its contract does not allow: ${problems}`);
    this.name = 'ContractBreach';
  }
}

/** Throws the breach after printing it: test servers log nothing, and a bare 500 would hide which field broke the contract. */
function fail(breach: ContractBreach): never {
  process.stderr.write(`${breach.message}\n`);
  throw breach;
}

const isJsonBody = (body: unknown) => body !== null && body !== undefined && typeof body === 'object' && !Buffer.isBuffer(body) && typeof (body as { pipe?: unknown }).pipe !== 'function';

/**
 * Checks each success answer of a described route against the route's schema for its status and
 * throws `ContractBreach` (a 500, logged with the schema errors) when it does not match. Meant for
 * the test suite, where every request then proves the contract true; it costs a serialisation per
 * request, so production leaves it off.
 */
export function responseCheck(routes: readonly RouteSpec[] = apiRoutes): Middleware {
  const byKey = new Map(routes.map((spec) => [routeKey(spec), spec]));
  return async (ctx, next) => {
    await next();
    const matched = (ctx as { _matchedRoute?: unknown })._matchedRoute;
    if (typeof matched !== 'string' || ctx.status >= 300) return;
    const key = `${ctx.method === 'HEAD' ? 'GET' : ctx.method} ${matched.replace(/(.)\/$/, '$1')}`;
    const spec = byKey.get(key);
    if (!spec) return;
    if (!(ctx.status in spec.responses)) fail(new ContractBreach(key, ctx.status, `the contract declares only ${Object.keys(spec.responses).join(', ')}`));
    const schema = spec.responses[ctx.status];
    if (schema === null) {
      if (ctx.body !== null && ctx.body !== undefined) fail(new ContractBreach(key, ctx.status, 'a body where the contract declares none'));
      return;
    }
    if ('mediaType' in schema || !isJsonBody(ctx.body)) return;
    // as the client will read it: dates become strings, undefined fields vanish
    const result = compileValidator(schema)(JSON.parse(JSON.stringify(ctx.body)));
    if (!result.ok) fail(new ContractBreach(key, ctx.status, result.errors.map((e) => `${e.field} ${e.message}`).join('; ')));
  };
}
