import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, InstanceListState, JsonObject, KeyParams, Nullable, Page, Query } from '../common';

/** One row of the instance list. */
export const InstanceRow = Type.Object({
  key: Type.String(),
  bpmnProcessId: Type.String(),
  version: Type.Integer(),
  state: InstanceListState,
  dealerId: Nullable(Type.String()),
  caseRef: Nullable(Type.String()),
  vin: Nullable(Type.String()),
  customerName: Nullable(Type.String()),
  customerKey: Nullable(Type.String()),
  startedAt: DateTime,
  endedAt: Nullable(DateTime),
  openIncidents: Type.Integer(),
});
export type InstanceRow = Static<typeof InstanceRow>;

/** An open incident of an instance (engine clock, epoch ms). */
export const InstanceIncident = Type.Object({
  key: Type.String(),
  processInstanceKey: Type.String(),
  elementId: Type.String(),
  type: Type.String(),
  message: Type.String(),
  jobKey: Type.Optional(Type.String()),
  createdAt: Type.Number(),
});
export type InstanceIncident = Static<typeof InstanceIncident>;

/** One step of an instance's history (engine clock, epoch ms). */
export const HistoryEntry = Type.Object({
  elementId: Type.String(),
  state: Type.Union([Type.Literal('ACTIVATED'), Type.Literal('COMPLETED'), Type.Literal('TERMINATED')]),
  at: Type.Number(),
  /** The element instance the step belongs to, where the engine names it. */
  elementInstanceKey: Type.Optional(Type.String()),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

export const InstanceState = Type.Union([Type.Literal('ACTIVE'), Type.Literal('COMPLETED'), Type.Literal('TERMINATED')]);

/** One case as the instance view shows it. */
export const InstanceDetail = Type.Object({
  processInstanceKey: Type.String(),
  bpmnProcessId: Type.String(),
  version: Type.Integer(),
  state: InstanceState,
  variables: JsonObject,
  history: Type.Array(HistoryEntry),
  incidents: Type.Array(InstanceIncident),
  parentProcessInstanceKey: Type.Optional(Type.String()),
  activeElementIds: Type.Array(Type.String()),
  /** Active jobs of a type no plugin of ours serves: they wait for the customer's own worker. */
  waitingForWorker: Type.Array(Type.Object({ elementId: Type.String(), jobType: Type.String() })),
  caseRef: Nullable(Type.String()),
  dealerId: Nullable(Type.String()),
  startedAt: Nullable(DateTime),
  endedAt: Nullable(DateTime),
  /** Display names by login of the people the case names (its variables, comment authors, file uploaders), for anyone who may read the case. */
  people: Type.Record(Type.String(), Type.String()),
});
export type InstanceDetail = Static<typeof InstanceDetail>;

/** The diagram an instance runs on. */
export const InstanceDiagramSource = Type.Object({ bpmnProcessId: Type.String(), version: Type.Integer(), xml: Type.String() });
export type InstanceDiagramSource = Static<typeof InstanceDiagramSource>;

/** One element's traffic in a heatmap. */
export const ElementHeat = Type.Object({ elementId: Type.String(), entered: Type.Integer(), completed: Type.Integer(), avgDurationMs: Nullable(Type.Number()) });
export type ElementHeat = Static<typeof ElementHeat>;

/** Per-element counts and durations of a process version, and every deployed version (newest first). */
export const ProcessHeatmap = Type.Object({ bpmnProcessId: Type.String(), version: Type.Integer(), versions: Type.Array(Type.Integer()), elements: Type.Array(ElementHeat) });
export type ProcessHeatmap = Static<typeof ProcessHeatmap>;

export const InstanceListQuery = Type.Object(
  {
    processId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    version: Type.Optional(Query.version),
    state: Type.Optional(InstanceListState),
    dealerId: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    hasIncident: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
    cursor: Type.Optional(Query.cursor),
    limit: Type.Optional(Query.limit),
  },
  { additionalProperties: false },
);

/** The Instances page: the list, one instance with its diagram, incident retries and the heatmap. */
export const instanceRoutes = {
  list: route({ method: 'GET', path: '/api/process-instances', summary: 'Process instances this user may monitor, filtered and paged', tags: ['instances'], auth: 'user', query: InstanceListQuery, responses: { 200: Page(InstanceRow) } }),
  get: route({ method: 'GET', path: '/api/process-instances/:key', summary: 'One instance with its history, incidents and active elements', tags: ['instances'], auth: 'user', params: KeyParams, responses: { 200: InstanceDetail } }),
  diagram: route({ method: 'GET', path: '/api/process-instances/:key/diagram', summary: 'The BPMN of the version an instance runs on', tags: ['instances'], auth: 'user', params: KeyParams, responses: { 200: InstanceDiagramSource } }),
  cancel: route({ method: 'POST', path: '/api/process-instances/:key/cancel', summary: 'Cancels a running case', tags: ['instances'], auth: 'user', params: KeyParams, responses: { 204: null } }),
  retryIncident: route({
    method: 'POST',
    path: '/api/incidents/:key/retry',
    summary: "Gives an incident's job new retries and resolves the incident",
    tags: ['instances'],
    auth: 'user',
    params: KeyParams,
    body: Type.Object({ retries: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })) }, { additionalProperties: false }),
    responses: { 204: null },
  }),
  heatmap: route({
    method: 'GET',
    path: '/api/processes/:processId/heatmap',
    summary: "Per-element traffic of a process version (the latest when none is given)",
    tags: ['instances'],
    auth: 'user',
    params: Type.Object({ processId: Type.String() }),
    query: Type.Object({ version: Type.Optional(Query.version) }, { additionalProperties: false }),
    responses: { 200: ProcessHeatmap },
  }),
};
