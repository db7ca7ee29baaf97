import type { Router } from '@koa/router';
import { successStatus, type RequestOf, type ResponseOf, type RouteSpec } from '@dealerflow/contract';
import type { ParameterizedContext } from 'koa';
import { requireUser } from './requireUser';
import { validator } from './validate';

/** A handler of a described route: it gets the validated input and returns the answer's body (nothing for 204). */
export type ContractHandler<R extends RouteSpec> = (ctx: ParameterizedContext, input: RequestOf<R>) => Promise<ResponseOf<R>>;

/**
 * Mounts `handler` on `router` at the route's method and path (the path less the router's prefix),
 * answers 401 to anonymous callers of a signed-in route, checks path parameters, query and body against the route's schemas first (a 400 naming each bad
 * field), and answers with the route's success status (or another declared one the handler set).
 */
export function contractRoute<R extends RouteSpec>(router: Router, spec: R, handler: ContractHandler<R>): void {
  const prefix = router.opts.prefix ?? '';
  if (!spec.path.startsWith(prefix)) throw new Error(`${spec.path} is not under the router's prefix ${prefix}`);
  const path = spec.path.slice(prefix.length) || '/';
  const params = spec.params ? validator<RequestOf<R>['params']>(spec.params) : (value: unknown) => value as RequestOf<R>['params'];
  const query = spec.query ? validator<RequestOf<R>['query']>(spec.query) : () => ({}) as RequestOf<R>['query'];
  const body = spec.body ? validator<RequestOf<R>['body']>(spec.body) : () => undefined as RequestOf<R>['body'];
  const status = successStatus(spec);
  router.register(path, [spec.method], async (ctx) => {
    if (spec.auth === 'user') requireUser(ctx); // a 401 comes before any complaint about the input
    const input = { params: params({ ...ctx.params }), query: query({ ...ctx.query }), body: body(ctx.request.body ?? (spec.body ? {} : undefined)) };
    const answer = await handler(ctx, input);
    // a route declaring several success statuses (200 found, 201 made) lets its handler pick one; Koa's status is 404 until someone sets it
    const chosen = ctx.status in spec.responses ? ctx.status : status;
    if (chosen === 204) {
      ctx.status = 204;
      return;
    }
    ctx.body = answer;
    ctx.status = chosen;
  });
}
