import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime } from '../common';

/** A dealer's credit exposure today, in roubles: the limit, what uses it, and what is left. */
export const Exposure = Type.Object({
  dealerName: Type.String(),
  rating: Type.Number(),
  creditLimit: Type.Number(),
  /** Invoices less payments and credit notes. */
  openDebt: Type.Number(),
  /** Vehicles the dealer's cases hold and have not paid for yet. */
  pendingReservations: Type.Number(),
  /** The amount a case asks for (0 when no case asks). */
  amount: Type.Number(),
  /** openDebt + pendingReservations + amount. */
  total: Type.Number(),
  /** Active (unexpired) overdrafts. */
  overdraft: Type.Number(),
  /** total / (creditLimit + overdraft); above 1 is over the limit. */
  utilisation: Type.Number(),
  /** creditLimit + overdraft - total; negative when over. */
  headroom: Type.Number(),
});
export type Exposure = Static<typeof Exposure>;

/** What the accounting system books: an invoice or a payment. */
export const LedgerKind = Type.Union([Type.Literal('invoice'), Type.Literal('payment')]);
export type LedgerKind = Static<typeof LedgerKind>;

/** One line of a dealer's ledger: an invoice, a payment or a credit note the warranty process issued. */
export const LedgerLine = Type.Object({ kind: Type.Union([LedgerKind, Type.Literal('creditNote')]), reference: Type.String(), amount: Type.Number(), bookedAt: DateTime });
export type LedgerLine = Static<typeof LedgerLine>;

/** An overdraft finance granted on a case. */
export const OverdraftLine = Type.Object({ amount: Type.Number(), expiresAt: DateTime, grantedBy: Type.String(), reason: Type.String(), caseRef: Type.String(), grantedAt: DateTime });
export type OverdraftLine = Static<typeof OverdraftLine>;

/** A dealer's ledger: the latest lines, newest first, and the overdrafts of the last 90 days. */
export const DealerLedger = Type.Object({ lines: Type.Array(LedgerLine), overdrafts: Type.Array(OverdraftLine) });
export type DealerLedger = Static<typeof DealerLedger>;

/** An invoice or payment to book: its document number, amount (to the kopeck) and day. */
export const Booking = Type.Object(
  {
    kind: LedgerKind,
    reference: Type.String({ minLength: 1, maxLength: 64, pattern: '\\S' }),
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e12, multipleOf: 0.01 }),
    bookedAt: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export type Booking = Static<typeof Booking>;

const DealerParams = Type.Object({ dealerId: Type.String() });

/** A dealer's credit exposure and its open-debt ledger. */
export const financeRoutes = {
  exposure: route({ method: 'GET', path: '/api/finance/exposure/:dealerId', summary: "A dealer's credit exposure today", tags: ['finance'], auth: 'user', params: DealerParams, responses: { 200: Exposure } }),
  ledger: route({ method: 'GET', path: '/api/finance/ledger/:dealerId', summary: "A dealer's ledger and overdrafts", tags: ['finance'], auth: 'user', params: DealerParams, responses: { 200: DealerLedger } }),
  book: route({
    method: 'POST',
    path: '/api/finance/ledger/:dealerId',
    summary: 'Books an invoice or a payment; a 409 when the document is booked already',
    tags: ['finance'],
    auth: 'user',
    params: DealerParams,
    body: Booking,
    responses: { 201: LedgerLine },
  }),
};
