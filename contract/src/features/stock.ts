import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, Items, Nullable } from '../common';

/** Where a stock vehicle is in its life: free to request, held for a case, allocated to a dealer, or on an order. */
export const StockStatus = Type.Union([Type.Literal('free'), Type.Literal('reserved'), Type.Literal('allocated'), Type.Literal('ordered')]);
export type StockStatus = Static<typeof StockStatus>;

/** A new vehicle in the distributor's stock; `price` is the dealer price in roubles. */
export const StockVehicle = Type.Object({
  vin: Type.String(),
  model: Type.String(),
  trim: Type.String(),
  colour: Type.String(),
  year: Type.Integer(),
  warehouse: Type.String(),
  price: Type.Number(),
  status: StockStatus,
  /** The dealer and the case holding it; null while free. */
  dealerId: Nullable(Type.String()),
  caseRef: Nullable(Type.String()),
});
export type StockVehicle = Static<typeof StockVehicle>;

const text = Type.String({ minLength: 1, maxLength: 64 });
export const StockQuery = Type.Object(
  { model: Type.Optional(text), trim: Type.Optional(text), colour: Type.Optional(text), warehouse: Type.Optional(text), status: Type.Optional(StockStatus) },
  { additionalProperties: false },
);
export type StockQuery = Static<typeof StockQuery>;

/** pending: holds the vehicle; allocated/ordered: the approver gave it; released/expired: it went back to stock. */
export const ReservationState = Type.Union([Type.Literal('pending'), Type.Literal('allocated'), Type.Literal('ordered'), Type.Literal('released'), Type.Literal('expired')]);
export type ReservationState = Static<typeof ReservationState>;

/** One vehicle held for one dealer's case until `expiresAt`, with the seconds left while pending (0 otherwise). Dealer staff do not see `amount` (the price when reserved) nor the reserving `jobKey`. */
export const ReservationRow = Type.Object({
  id: Type.Integer(),
  jobKey: Type.Optional(Type.String()),
  vin: Type.String(),
  dealerId: Type.String(),
  caseRef: Type.String(),
  processInstanceKey: Type.String(),
  amount: Type.Optional(Type.Number()),
  state: ReservationState,
  createdAt: DateTime,
  expiresAt: DateTime,
  secondsLeft: Type.Integer(),
});
export type ReservationRow = Static<typeof ReservationRow>;

/** The allocated vehicles of one case, ordered by the dealer (placed: on their way; delivered: received). Dealer staff do not see `amount`. */
export const VehicleOrder = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  dealerId: Type.String(),
  caseRef: Type.String(),
  vins: Type.Array(Type.String()),
  amount: Type.Optional(Type.Number()),
  status: Type.Union([Type.Literal('placed'), Type.Literal('delivered')]),
  createdAt: DateTime,
  deliveredAt: Nullable(DateTime),
});
export type VehicleOrder = Static<typeof VehicleOrder>;

/** What a stock import did: vehicles added and free vehicles whose details changed. */
export const StockImportResult = Type.Object({ added: Type.Integer(), updated: Type.Integer() });
export type StockImportResult = Static<typeof StockImportResult>;

const NoQuery = Type.Object({}, { additionalProperties: false });

/** Vehicle stock and its import, reservations (with cancel) and orders. */
export const stockRoutes = {
  stock: route({ method: 'GET', path: '/api/stock', summary: 'Stock vehicles this user may see, filtered', tags: ['vehicles'], auth: 'user', query: StockQuery, responses: { 200: Items(StockVehicle) } }),
  import: route({
    method: 'POST',
    path: '/api/stock/import',
    summary: 'Imports stock from an Excel workbook (.xlsx) or a CSV file; a 422 lists the bad rows and nothing is imported',
    tags: ['vehicles'],
    auth: 'user',
    query: Type.Object({ name: Type.String({ pattern: '^[^/\\\\\\u0000-\\u001f]{1,200}$', description: 'the file name, ending in .xlsx or .csv' }) }),
    rawBody: { mediaType: 'application/octet-stream', description: 'The workbook or CSV file itself; at most 10 MB (a 413 beyond)' },
    responses: { 200: StockImportResult },
  }),
  reservations: route({
    method: 'GET',
    path: '/api/reservations',
    summary: 'Reservations this user may see, newest first',
    tags: ['vehicles'],
    auth: 'user',
    query: Type.Object({ state: Type.Optional(ReservationState) }, { additionalProperties: false }),
    responses: { 200: Items(ReservationRow) },
  }),
  cancelReservation: route({
    method: 'POST',
    path: '/api/reservations/:caseRef/cancel',
    summary: 'Cancels a vehicle request that still holds vehicles; the process returns them to stock',
    tags: ['vehicles'],
    auth: 'user',
    params: Type.Object({ caseRef: Type.String() }),
    body: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false }),
    responses: { 202: null },
  }),
  orders: route({ method: 'GET', path: '/api/orders', summary: 'Orders this user may see, newest first', tags: ['vehicles'], auth: 'user', query: NoQuery, responses: { 200: Items(VehicleOrder) } }),
};
