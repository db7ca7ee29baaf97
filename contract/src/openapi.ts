import type { TSchema } from '@sinclair/typebox';
import { ErrorBody } from './common';
import { apiRoutes } from './registry';
import type { RouteResponse, RouteSpec } from './route';

/** An OpenAPI 3.1 document, loosely typed: it is JSON for other tools. */
export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

const reasons: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content' };

/** `/api/tasks/:key` → `/api/tasks/{key}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/** A schema as plain JSON: without TypeBox's own markers and without `$id`, which would clash when a schema is used inside another. */
function plain(schema: TSchema): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) => (key === '$id' ? undefined : value)) as Record<string, unknown>;
}

function parameters(schema: TSchema | undefined, where: 'path' | 'query'): object[] {
  if (!schema) return [];
  const object = plain(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === 'path' || (object.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

function response(status: number, answer: RouteResponse): object {
  if (answer === null) return { description: reasons[status] ?? 'No body' };
  if ('mediaType' in answer && typeof answer.mediaType === 'string') return { description: answer.description, content: { [answer.mediaType]: { schema: { type: 'string' } } } };
  return { description: reasons[status] ?? 'Answer', content: { 'application/json': { schema: plain(answer as TSchema) } } };
}

function operation(spec: RouteSpec): object {
  const responses: Record<string, object> = {};
  for (const [status, answer] of Object.entries(spec.responses)) responses[status] = response(Number(status), answer);
  responses.default = { description: 'An error: 4xx for the request, 5xx for the server', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    operationId: `${spec.method.toLowerCase()}${openApiPath(spec.path).replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: spec.summary,
    tags: spec.tags,
    security: spec.auth === 'public' ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: plain(spec.body) } } } } : {}),
    ...(spec.rawBody ? { requestBody: { required: true, description: spec.rawBody.description, content: { [spec.rawBody.mediaType]: {} } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of `routes` (by default every described route). */
export function openApiDocument(options: { version: string; routes?: readonly RouteSpec[] }): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of options.routes ?? apiRoutes) {
    const path = openApiPath(spec.path);
    paths[path] = { ...paths[path], [spec.method.toLowerCase()]: operation(spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dealerflow API',
      version: options.version,
      description: 'The HTTP API of Dealerflow: the inbox, approvals, cases, the designer and the dashboards. Browsers use the session cookie; machine clients send an API token as `Authorization: Bearer …`.',
    },
    components: {
      schemas: { Error: plain(ErrorBody) },
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token of a service account' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'df_session', description: 'The session a browser gets from `POST /api/auth/login`' },
      },
    },
    paths,
  };
}
