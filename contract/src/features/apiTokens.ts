import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, Items, Nullable } from '../common';

/** A service account's token as the API lists it: never its secret. */
export const ApiToken = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    roles: Type.Array(Type.String()),
    dealerId: Nullable(Type.String()),
    dealerName: Nullable(Type.String()),
    createdBy: Type.String(),
    createdAt: DateTime,
    expiresAt: DateTime,
    lastUsedAt: Nullable(DateTime),
    revokedAt: Nullable(DateTime),
    revokedBy: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
export type ApiToken = Static<typeof ApiToken>;

/** What an admin asks for: `expiresAt` in the future, at most two years ahead. */
export const NewApiToken = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60, pattern: '^\\S(.*\\S)?$' }),
    roles: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 20 }),
    dealerId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 32 }))),
    expiresAt: DateTime,
  },
  { additionalProperties: false },
);
export type NewApiToken = Static<typeof NewApiToken>;

/** A new token and its secret, shown this once. */
export const CreatedApiToken = Type.Object({ token: ApiToken, secret: Type.String() }, { additionalProperties: false });
export type CreatedApiToken = Static<typeof CreatedApiToken>;

/** Service accounts' tokens, for admins. */
export const apiTokenRoutes = {
  list: route({ method: 'GET', path: '/api/api-tokens', summary: 'Every API token, newest first', tags: ['api-tokens'], auth: 'user', responses: { 200: Items(ApiToken) } }),
  create: route({ method: 'POST', path: '/api/api-tokens', summary: 'Creates a token; the answer carries its secret, never shown again', tags: ['api-tokens'], auth: 'user', body: NewApiToken, responses: { 201: CreatedApiToken } }),
  revoke: route({ method: 'POST', path: '/api/api-tokens/:id/revoke', summary: 'Revokes a token at once', tags: ['api-tokens'], auth: 'user', params: Type.Object({ id: Type.String() }), responses: { 200: ApiToken } }),
};
