import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, Items, Nullable } from '../common';

/**
 * pending: held while the approver verifies; locked: reserved for the dealer until `heldUntil`;
 * conflict: refused at once because another case holds the tender; refused: by the approver;
 * lapsed: not verified in time; expired: the lock ran out; won / lost: the dealer's result.
 */
export const TenderState = Type.Union([
  Type.Literal('pending'), Type.Literal('locked'), Type.Literal('conflict'), Type.Literal('refused'),
  Type.Literal('lapsed'), Type.Literal('expired'), Type.Literal('won'), Type.Literal('lost'),
]);
export type TenderState = Static<typeof TenderState>;

/** A dealer's application to reserve one tender. */
export const TenderRow = Type.Object({
  id: Type.Integer(),
  caseRef: Type.String(),
  processInstanceKey: Type.String(),
  dealerId: Type.String(),
  tenderNumber: Type.String(),
  platform: Type.String(),
  customerInn: Type.String(),
  customerName: Type.String(),
  tenderObject: Type.String(),
  products: Type.Array(Type.Object({ productCode: Type.String(), quantity: Type.Number() })),
  /** The day the tender is expected, YYYY-MM-DD. */
  expectedDate: Type.String(),
  state: TenderState,
  appliedAt: DateTime,
  /** Until when the tender is held for this case (pending) or locked to it (locked). */
  heldUntil: Nullable(DateTime),
  /** Refused for a conflict: until when the other case holds the tender. */
  conflictUntil: Nullable(DateTime),
  extensions: Type.Integer(),
  decidedBy: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});
export type TenderRow = Static<typeof TenderRow>;

/** A model of the catalog tenders may ask for; a retired one (`active` false) still names the tenders that asked for it. */
export const TenderProduct = Type.Object({ code: Type.String(), name: Type.String(), sortOrder: Type.Integer(), active: Type.Boolean() });
export type TenderProduct = Static<typeof TenderProduct>;

const productName = Type.String({ minLength: 1, maxLength: 128, pattern: '\\S' });
const sortOrder = Type.Integer({ minimum: 0, maximum: 100000 });

/** A new model: its code (upper case, never changes), its name and where it stands in the list. */
export const NewTenderProduct = Type.Object({ code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9_-]{0,31}$' }), name: productName, sortOrder: Type.Optional(sortOrder) }, { additionalProperties: false });
export type NewTenderProduct = Static<typeof NewTenderProduct>;

/** What an edit of a model changes: at least one of its name, place and whether it is offered. */
export const TenderProductChange = Type.Object(
  { name: Type.Optional(productName), sortOrder: Type.Optional(sortOrder), active: Type.Optional(Type.Boolean()) },
  { minProperties: 1, additionalProperties: false },
);
export type TenderProductChange = Static<typeof TenderProductChange>;

/** A lock extension: how many days more, and why. */
export const TenderExtension = Type.Object({ days: Type.Integer({ minimum: 1, maximum: 90 }), reason: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false });
export type TenderExtension = Static<typeof TenderExtension>;

/** Tenders (dealers: their own; the distributor: all), extending a lock once, and the product catalog. */
export const tenderRoutes = {
  list: route({
    method: 'GET',
    path: '/api/tenders',
    summary: 'Tenders this user may see, newest first',
    tags: ['tenders'],
    auth: 'user',
    query: Type.Object({ state: Type.Optional(TenderState) }, { additionalProperties: false }),
    responses: { 200: Items(TenderRow) },
  }),
  extend: route({
    method: 'POST',
    path: '/api/tenders/:caseRef/extend',
    summary: 'Extends a locked tender once; a 409 says why when it cannot be',
    tags: ['tenders'],
    auth: 'user',
    params: Type.Object({ caseRef: Type.String() }),
    body: TenderExtension,
    responses: { 200: Type.Object({ lockedUntil: DateTime }) },
  }),
  products: route({ method: 'GET', path: '/api/tenders/products', summary: 'The product catalog, retired models too, in catalog order', tags: ['tenders'], auth: 'user', query: Type.Object({}, { additionalProperties: false }), responses: { 200: Items(TenderProduct) } }),
  addProduct: route({ method: 'POST', path: '/api/tenders/products', summary: 'Adds a model to the catalog; a 409 when the code exists', tags: ['tenders'], auth: 'user', body: NewTenderProduct, responses: { 201: TenderProduct } }),
  changeProduct: route({
    method: 'PATCH',
    path: '/api/tenders/products/:code',
    summary: 'Renames, reorders, retires or restores a model',
    tags: ['tenders'],
    auth: 'user',
    params: Type.Object({ code: Type.String() }),
    body: TenderProductChange,
    responses: { 200: TenderProduct },
  }),
};
