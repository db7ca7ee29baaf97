import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, InstanceListState, Items, Nullable, Page, Query } from '../common';

/** A case as the Cases page lists it. */
export const CaseRow = Type.Object({
  key: Type.String(),
  caseRef: Nullable(Type.String()),
  bpmnProcessId: Type.String(),
  processName: Type.String(),
  version: Type.Integer(),
  state: InstanceListState,
  dealerId: Nullable(Type.String()),
  vin: Nullable(Type.String()),
  customerName: Nullable(Type.String()),
  /** The steps waiting for someone now: element id and the name the model gives it. */
  currentSteps: Type.Array(Type.Object({ elementId: Type.String(), name: Type.String() })),
  startedAt: DateTime,
  endedAt: Nullable(DateTime),
});
export type CaseRow = Static<typeof CaseRow>;

const prefix = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const CaseSearchQuery = Type.Object(
  {
    ref: Type.Optional(prefix(64)),
    vin: Type.Optional(prefix(32)),
    customer: Type.Optional(prefix(100)),
    processId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    state: Type.Optional(InstanceListState),
    dealerId: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    from: Type.Optional(Query.day),
    to: Type.Optional(Query.day),
    cursor: Type.Optional(Query.cursor),
    limit: Type.Optional(Query.limit),
  },
  { additionalProperties: false },
);
export type CaseSearchQuery = Static<typeof CaseSearchQuery>;

/** A process the case search can filter by. */
export const CaseProcess = Type.Object({ bpmnProcessId: Type.String(), name: Type.String() });
export type CaseProcess = Static<typeof CaseProcess>;

/** The Cases page. */
export const caseRoutes = {
  search: route({ method: 'GET', path: '/api/cases', summary: 'Cases this user may read, by reference, VIN, customer, process, state and dates', tags: ['cases'], auth: 'user', query: CaseSearchQuery, responses: { 200: Page(CaseRow) } }),
  processes: route({ method: 'GET', path: '/api/cases/processes', summary: 'The processes cases can be filtered by', tags: ['cases'], auth: 'user', responses: { 200: Items(CaseProcess) } }),
};
