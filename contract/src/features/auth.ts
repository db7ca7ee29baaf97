import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { JsonObject, Nullable } from '../common';
import { personFields } from './users';

/** The signed-in user as the login answer and `GET /api/me` describe them. */
export const SessionUser = Type.Object(
  {
    ...personFields,
    /** Role names and groups together: the candidate groups the user's tasks are offered to. */
    candidateGroups: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type SessionUser = Static<typeof SessionUser>;

/**
 * One permission rule, packed as CASL's `packRules` writes it: action(s), subject(s), then
 * conditions, inverted (1), fields and reason where they are set (0 fills a gap).
 */
export const PackedRule = Type.Array(Type.Union([Type.String(), Type.Integer(), JsonObject]), { minItems: 2, maxItems: 6 });
export type PackedRule = Static<typeof PackedRule>;

/** The user's own dealer, named. */
export const SessionDealer = Type.Object({ id: Type.String(), name: Type.String(), region: Type.String() }, { additionalProperties: false });
export type SessionDealer = Static<typeof SessionDealer>;

/** `GET /api/me`: the user, their dealer (null for distributor staff) and their packed rules for the web app's ability. */
export const MeResponse = Type.Object({ user: SessionUser, dealer: Nullable(SessionDealer), rules: Type.Array(PackedRule) }, { additionalProperties: false });
export type MeResponse = Static<typeof MeResponse>;

/** Username and password. */
export const Credentials = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type Credentials = Static<typeof Credentials>;

/** Signing in and out, and who am I. */
export const authRoutes = {
  login: route({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Signs in: sets the httpOnly session cookie; 401 on bad credentials',
    tags: ['auth'],
    auth: 'public',
    body: Credentials,
    responses: { 200: Type.Object({ user: SessionUser }, { additionalProperties: false }) },
  }),
  logout: route({ method: 'POST', path: '/api/auth/logout', summary: "Signs out: ends the session and its task streams", tags: ['auth'], auth: 'user', responses: { 204: null } }),
  me: route({ method: 'GET', path: '/api/me', summary: 'The signed-in user, their dealer and their packed permission rules', tags: ['auth'], auth: 'user', responses: { 200: MeResponse } }),
};
