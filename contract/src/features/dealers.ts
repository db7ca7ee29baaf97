import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { Items } from '../common';

/** A dealer as the server shows it to this reader: the credit limit only to finance-aware roles. */
export const Dealer = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    region: Type.String(),
    /** Territory codes (region / postcode prefixes) the dealer serves, for lead routing. */
    territoryCodes: Type.Array(Type.String()),
    /** 0 to 5, fed by lead outcomes. */
    rating: Type.Number(),
    /** The allowed debt, in roubles. */
    creditLimit: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);
export type Dealer = Static<typeof Dealer>;

/** The fields a change may set, each as the user's permissions allow. */
export const DealerPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    territoryCodes: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Za-z0-9-]{1,16}$' }), { maxItems: 500, uniqueItems: true })),
    rating: Type.Optional(Type.Number({ minimum: 0, maximum: 5 })),
    creditLimit: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type DealerPatch = Static<typeof DealerPatch>;

const IdParams = Type.Object({ id: Type.String() });

/** Dealers: list, read, change field by field. */
export const dealerRoutes = {
  list: route({ method: 'GET', path: '/api/dealers', summary: 'The dealers this user may see', tags: ['dealers'], auth: 'user', responses: { 200: Items(Dealer) } }),
  get: route({ method: 'GET', path: '/api/dealers/:id', summary: 'One dealer', tags: ['dealers'], auth: 'user', params: IdParams, responses: { 200: Dealer } }),
  update: route({ method: 'PATCH', path: '/api/dealers/:id', summary: 'Changes the given fields of a dealer, if the user may change each', tags: ['dealers'], auth: 'user', params: IdParams, body: DealerPatch, responses: { 200: Dealer } }),
};
