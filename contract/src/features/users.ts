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

/** A user account as the user administration lists it: roles by name, dealer by name, whether and since when it is disabled, and the last sign-in the audit trail knows of. */
export const UserAccount = Type.Object(
  {
    ...personFields,
    dealerName: Nullable(Type.String()),
    disabledAt: Nullable(DateTime),
    lastSignInAt: Nullable(DateTime),
  },
  { additionalProperties: false },
);
export type UserAccount = Static<typeof UserAccount>;

/** A role an administrator may give, as the Role table holds it. */
export const RoleOption = Type.Object({ name: Type.String(), description: Type.String() }, { additionalProperties: false });
export type RoleOption = Static<typeof RoleOption>;

/** Every account, by username, and the roles there are to give. */
export const UserAccountList = Type.Object({ items: Type.Array(UserAccount), roles: Type.Array(RoleOption) }, { additionalProperties: false });
export type UserAccountList = Static<typeof UserAccountList>;

/** The roles a user is to have from now on, exactly. */
export const UserRolesChange = Type.Object(
  { roles: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 20 }) },
  { additionalProperties: false },
);
export type UserRolesChange = Static<typeof UserRolesChange>;

/** Managing accounts, for those who may update users: every change is audited and takes effect on the user's next request. */
export const userAccountRoutes = {
  list: route({ method: 'GET', path: '/api/user-accounts', summary: 'Every account with its roles, dealer, state and last sign-in, and the roles there are', tags: ['users'], auth: 'user', responses: { 200: UserAccountList } }),
  setRoles: route({
    method: 'PUT',
    path: '/api/user-accounts/:id/roles',
    summary: "Replaces the user's roles; 400 naming unknown roles, 409 when they already hold exactly these or when administrators would remove their own right to manage users",
    tags: ['users'],
    auth: 'user',
    params: IdParams,
    body: UserRolesChange,
    responses: { 200: UserAccount },
  }),
  disable: route({ method: 'POST', path: '/api/user-accounts/:id/disable', summary: "Disables the account: its sessions stop working at once and it can no longer sign in; 409 if already disabled or it is the caller's own", tags: ['users'], auth: 'user', params: IdParams, responses: { 200: UserAccount } }),
  enable: route({ method: 'POST', path: '/api/user-accounts/:id/enable', summary: 'Enables a disabled account again; 409 if it is not disabled', tags: ['users'], auth: 'user', params: IdParams, responses: { 200: UserAccount } }),
};
