import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, JsonObject, Nullable } from '../common';
import { FormDefinition } from './forms';
import { HistoryEntry, InstanceIncident, InstanceState } from './instances';

/** A DMN file a test run's business rule tasks call. */
const DmnFile = Type.Object({ name: Type.String({ pattern: '^[\\w.-]{1,200}\\.dmn$' }), content: Type.String({ minLength: 1, maxLength: 2_000_000 }) }, { additionalProperties: false });

/** What a test run starts from: the draft diagram, the forms and decisions it uses, its start variables and dealer, and which process (the first when omitted). */
export const SandboxStartRequest = Type.Object(
  {
    xml: Type.String({ minLength: 1, maxLength: 2_000_000 }),
    forms: Type.Optional(Type.Array(JsonObject, { maxItems: 50 })),
    decisions: Type.Optional(Type.Array(DmnFile, { maxItems: 20 })),
    variables: Type.Optional(JsonObject),
    dealerId: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    bpmnProcessId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false },
);
export type SandboxStartRequest = Static<typeof SandboxStartRequest>;

/** An open user task of a test run with the form it shows (null when the diagram names a form that was neither sent nor deployed). */
export const SandboxTask = Type.Object({
  key: Type.String(),
  elementId: Type.String(),
  name: Nullable(Type.String()),
  formId: Nullable(Type.String()),
  form: Nullable(FormDefinition),
  candidateGroups: Type.Array(Type.String()),
});
export type SandboxTask = Static<typeof SandboxTask>;

/** What a plugin that writes would have done in a test run, recorded instead of done. */
export const SandboxEffect = Type.Object({ taskType: Type.String(), jobKey: Type.String(), at: DateTime, details: JsonObject });
export type SandboxEffect = Static<typeof SandboxEffect>;

/** A test run as the designer shows it. */
export const SandboxRunView = Type.Object({
  id: Type.String(),
  bpmnProcessId: Type.String(),
  state: InstanceState,
  variables: JsonObject,
  history: Type.Array(HistoryEntry),
  /** Elements entered, in order, each once. */
  path: Type.Array(Type.String()),
  /** Elements entered and not left yet. */
  active: Type.Array(Type.String()),
  tasks: Type.Array(SandboxTask),
  incidents: Type.Array(InstanceIncident),
  effects: Type.Array(SandboxEffect),
  expiresAt: DateTime,
});
export type SandboxRunView = Static<typeof SandboxRunView>;

const RunParams = Type.Object({ id: Type.String() });

/** Test runs of draft diagrams on throw-away engines: start one, read it, complete its user tasks, close it. */
export const sandboxRoutes = {
  start: route({ method: 'POST', path: '/api/sandbox/runs', summary: 'Starts a test run of a draft diagram; nothing real is written', tags: ['designer'], auth: 'user', body: SandboxStartRequest, responses: { 201: SandboxRunView } }),
  get: route({ method: 'GET', path: '/api/sandbox/runs/:id', summary: 'Where a test run stands', tags: ['designer'], auth: 'user', params: RunParams, responses: { 200: SandboxRunView } }),
  complete: route({
    method: 'POST',
    path: '/api/sandbox/runs/:id/tasks/:taskKey/complete',
    summary: "Completes a test run's user task with form data",
    tags: ['designer'],
    auth: 'user',
    params: Type.Object({ id: Type.String(), taskKey: Type.String() }),
    body: Type.Object({ variables: Type.Optional(JsonObject) }, { additionalProperties: false }),
    responses: { 200: SandboxRunView },
  }),
  close: route({ method: 'DELETE', path: '/api/sandbox/runs/:id', summary: 'Closes a test run', tags: ['designer'], auth: 'user', params: RunParams, responses: { 204: null } }),
};
