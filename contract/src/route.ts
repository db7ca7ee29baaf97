import type { Static, TSchema } from '@sinclair/typebox';

/** How a route is reached: without a session, or as a signed-in user (session cookie or API token). */
export type RouteAuth = 'public' | 'user';

/** An HTTP method as the registry spells it. */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A body that is not JSON: its media type (`application/octet-stream` for a file of any type) and what it holds. */
export interface MediaBody {
  mediaType: string;
  description: string;
}

/** A response the route answers with: a JSON schema, `null` for no body, or a non-JSON body of a media type. */
export type RouteResponse = TSchema | null | MediaBody;

/**
 * One route of the HTTP API: where it is, who may call it, what it takes and what it answers.
 * `path` is in the router's syntax (`/api/tasks/:key`); `responses` list the success answers by
 * status (errors share one shape, see `ErrorBody`).
 */
export interface RouteSpec {
  method: RouteMethod;
  path: string;
  summary: string;
  tags: string[];
  auth: RouteAuth;
  params?: TSchema;
  query?: TSchema;
  body?: TSchema;
  /** A request body sent as the raw bytes of a file instead of JSON (the handler reads it itself). */
  rawBody?: MediaBody;
  responses: Record<number, RouteResponse>;
}

/** Keeps a route's literal types (for `RequestOf` and `ResponseOf`) while checking it is a `RouteSpec`. */
export function route<const R extends RouteSpec>(spec: R): R {
  return spec;
}

type StaticOr<S, Fallback> = S extends TSchema ? Static<S> : Fallback;

/** The validated input of a route: path parameters, query and body. */
export interface RequestOf<R extends RouteSpec> {
  params: StaticOr<R['params'], Record<string, string>>;
  query: StaticOr<R['query'], Record<string, never>>;
  body: StaticOr<R['body'], undefined>;
}

/** The body of route `R`'s answer with status `S` (by default its first success status). */
export type ResponseOf<R extends RouteSpec, S extends keyof R['responses'] = SuccessStatus<R>> = R['responses'][S] extends TSchema ? Static<R['responses'][S]> : R['responses'][S] extends null ? void : unknown;

/** The lowest 2xx status a route declares. */
export type SuccessStatus<R extends RouteSpec> = Extract<keyof R['responses'], 200> extends never ? Extract<keyof R['responses'], 201> extends never ? keyof R['responses'] : 201 : 200;

/** The status a route answers with on success: its lowest declared 2xx. */
export function successStatus(spec: RouteSpec): number {
  return Math.min(...Object.keys(spec.responses).map(Number).filter((status) => status >= 200 && status < 300));
}

/** `METHOD /path`, the key a route is known by in the registry and in tests. */
export function routeKey(spec: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${spec.method} ${spec.path}`;
}
