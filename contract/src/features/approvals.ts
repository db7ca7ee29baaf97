import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { Nullable, Page, Query } from '../common';
import { taskFields } from './tasks';

/** A case in one line as list rows show it; fields hidden from the reader are absent. */
export const CaseSummary = Type.Object({
  vin: Type.Optional(Type.String()),
  claimAmount: Type.Optional(Type.Number()),
  customerName: Type.Optional(Type.String()),
  /** The coverage check's verdict, and its kind (warranty, campaign, none). */
  covered: Type.Optional(Type.Boolean()),
  coverageKind: Type.Optional(Type.String()),
});
export type CaseSummary = Static<typeof CaseSummary>;

const { amount: _amount, covered: _covered, ...approvalTaskFields } = taskFields;

/** A task in the approval queue, with the time left before its deadline and its case in one line. */
export const ApprovalItem = Type.Object({ ...approvalTaskFields, timeLeftMs: Nullable(Type.Number()), summary: CaseSummary }, { additionalProperties: false });
export type ApprovalItem = Static<typeof ApprovalItem>;

export const ApprovalQuery = Type.Object(
  {
    cursor: Type.Optional(Query.cursor),
    limit: Type.Optional(Query.limit),
    sort: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('amount'), Type.Literal('created'), Type.Literal('dealer')])),
    dealerId: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    processId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    coverage: Type.Optional(Type.Union([Type.Literal('covered'), Type.Literal('notCovered')])),
    minAmount: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,9})$' })),
  },
  { additionalProperties: false },
);
export type ApprovalQuery = Static<typeof ApprovalQuery>;

export const ApprovalDecision = Type.Object(
  {
    taskIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100, uniqueItems: true }),
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject'), Type.Literal('requestInfo')]),
    reason: Type.String({ minLength: 5, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type ApprovalDecision = Static<typeof ApprovalDecision>;

/** One task's outcome of a bulk decision. */
export const DecisionResult = Type.Union([
  Type.Object({ taskId: Type.String(), ok: Type.Literal(true) }),
  Type.Object({ taskId: Type.String(), ok: Type.Literal(false), status: Type.Integer(), code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
]);
export type DecisionResult = Static<typeof DecisionResult>;

/** The approval queue and bulk decisions. */
export const approvalRoutes = {
  list: route({ method: 'GET', path: '/api/approvals', summary: 'Pending approvals across dealers, with each case in one line', tags: ['approvals'], auth: 'user', query: ApprovalQuery, responses: { 200: Page(ApprovalItem) } }),
  decide: route({
    method: 'POST',
    path: '/api/approvals/decide',
    summary: 'Approves, rejects or asks for more information on one or many tasks, with a reason',
    tags: ['approvals'],
    auth: 'user',
    body: ApprovalDecision,
    responses: { 200: Type.Object({ results: Type.Array(DecisionResult) }) },
  }),
};
