import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, Items, Nullable } from '../common';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));

/** Where a lead comes from. */
export const leadSources = ['site', 'call-centre', 'test-drive', 'marketplace'] as const;
export const LeadSource = literals(leadSources);
export type LeadSource = Static<typeof LeadSource>;

/** new → offered → accepted → contacted / testDrive → sold / lost; queued when no dealer took it. */
export const LeadStatus = literals(['new', 'offered', 'accepted', 'queued', 'contacted', 'testDrive', 'sold', 'lost'] as const);
export type LeadStatus = Static<typeof LeadStatus>;

/** A prospective buyer: where they are (region or city), what they want, and where the lead stands. */
export const Lead = Type.Object({
  id: Type.Integer(),
  /** The case reference people quote (`LD-2026-…`). */
  caseRef: Type.String(),
  /** The sender's own id; a repeated one is the same lead. */
  externalId: Nullable(Type.String()),
  customerName: Type.String(),
  phone: Type.String(),
  email: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  cityCode: Nullable(Type.String()),
  model: Type.String(),
  source: LeadSource,
  status: LeadStatus,
  /** The strategy the routing policy chose. */
  strategy: Nullable(Type.String()),
  /** The dealer it is offered to or was taken by; null while offered to several or queued at the distributor. */
  dealerId: Nullable(Type.String()),
  offerExpiresAt: Nullable(DateTime),
  acceptedAt: Nullable(DateTime),
  lostReason: Nullable(Type.String()),
  processInstanceKey: Nullable(Type.String()),
  /** Who sent it: a user or the message that started it. */
  createdBy: Type.String(),
  createdAt: DateTime,
  /** Offers made so far. */
  offers: Type.Integer(),
});
export type Lead = Static<typeof Lead>;

/** A lead as the list shows it: the dealer by name and the seconds left to accept an open offer (null when none is open). */
export const LeadRow = Type.Object({ ...Lead.properties, dealerName: Nullable(Type.String()), secondsLeft: Nullable(Type.Integer()) });
export type LeadRow = Static<typeof LeadRow>;

/** A lead sent by a site, call centre or marketplace: the customer, where they are (a region or a city code), the model. */
export const LeadIntake = Type.Object(
  {
    customerName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    phone: Type.String({ pattern: '^\\+?[0-9][0-9 ()-]{4,30}$' }),
    email: Type.Optional(Type.String({ maxLength: 200, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' })),
    regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,3}$' })),
    cityCode: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    model: Type.String({ minLength: 1, maxLength: 64, pattern: '\\S' }),
    source: LeadSource,
    externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' })),
  },
  { additionalProperties: false, anyOf: [{ required: ['regionCode'] }, { required: ['cityCode'] }] },
);
export type LeadIntake = Static<typeof LeadIntake>;

/** What intake answered: the lead (made now, or the one a repeated external id made first) and its case. */
export const LeadReceipt = Type.Object({ id: Type.Integer(), caseRef: Type.String(), externalId: Nullable(Type.String()), status: LeadStatus, processInstanceKey: Nullable(Type.String()), created: Type.Boolean() });
export type LeadReceipt = Static<typeof LeadReceipt>;

/** A dealer's lead rating, 0..100: the score routing uses, and its speed and conversion parts. */
export const DealerLeadRating = Type.Object({
  dealerId: Type.String(),
  dealerName: Nullable(Type.String()),
  score: Type.Number(),
  speed: Type.Number(),
  conversion: Type.Number(),
  /** Rating events counted so far. */
  events: Type.Integer(),
  updatedAt: DateTime,
});
export type DealerLeadRating = Static<typeof DealerLeadRating>;

/** Lead intake (machine clients and admins), the leads list and the dealers' lead ratings. */
export const leadRoutes = {
  create: route({
    method: 'POST',
    path: '/api/leads',
    summary: 'Takes a lead and starts its routing; a repeated external id answers 200 with the lead it made first',
    tags: ['leads'],
    auth: 'user',
    body: LeadIntake,
    responses: { 200: LeadReceipt, 201: LeadReceipt },
  }),
  list: route({
    method: 'GET',
    path: '/api/leads',
    summary: 'Leads this user may see, newest first',
    tags: ['leads'],
    auth: 'user',
    query: Type.Object({ status: Type.Optional(LeadStatus) }, { additionalProperties: false }),
    responses: { 200: Items(LeadRow) },
  }),
  ratings: route({ method: 'GET', path: '/api/lead-ratings', summary: "Dealers' lead ratings, best first", tags: ['leads'], auth: 'user', query: Type.Object({}, { additionalProperties: false }), responses: { 200: Items(DealerLeadRating) } }),
};
