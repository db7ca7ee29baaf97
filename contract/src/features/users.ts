import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, Items, Nullable } from '../common';

/** What every answer naming a user says of them. */
export const personFields = {
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  dealerId: Nullable(Type.String()),
  roles: Type.Array(Type.String()),
  groups: Type.Array(Type.String()),
  locale: Type.String(),
};

/** A person as the directory shows them to this reader: when and whether the account was disabled only to those who manage users. */
export const UserView = Type.Object(
  {
    ...personFields,
    createdAt: Type.Optional(DateTime),
    disabledAt: Type.Optional(Nullable(DateTime)),
  },
  { additionalProperties: false },
);
export type UserView = Static<typeof UserView>;

const IdParams = Type.Object({ id: Type.String() });

/** The user directory, as far as the caller may see it. */
export const userRoutes = {
  list: route({ method: 'GET', path: '/api/users', summary: 'The people this user may see, by username', tags: ['users'], auth: 'user', responses: { 200: Items(UserView) } }),
  get: route({ method: 'GET', path: '/api/users/:id', summary: 'One person', tags: ['users'], auth: 'user', params: IdParams, responses: { 200: UserView } }),
};
