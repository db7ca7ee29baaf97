import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, Items, JsonObject, KeyParams, Nullable, Page, Query } from '../common';
import { FormDefinition } from './forms';

export const TaskState = Type.Union([Type.Literal('open'), Type.Literal('completed'), Type.Literal('cancelled')]);
export type TaskState = Static<typeof TaskState>;

/** A user task as the inbox shows it. */
export const taskFields = {
    key: Type.String(),
    processInstanceKey: Type.String(),
    bpmnProcessId: Type.String(),
    processVersion: Nullable(Type.Integer()),
    elementId: Type.String(),
    name: Type.String(),
    state: TaskState,
    assignee: Nullable(Type.String()),
    candidateGroups: Type.Array(Type.String()),
    candidateUsers: Type.Array(Type.String()),
    dealerId: Nullable(Type.String()),
    /** The dealer's name when the task was created, kept on renames (empty without a dealer). */
    dealerName: Type.String(),
    caseRef: Nullable(Type.String()),
    /** The case's summary variables, copied when the task was created. */
    caseSummary: Nullable(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
    amount: Type.Number(),
    covered: Nullable(Type.Boolean()),
    formId: Nullable(Type.String()),
    dueDate: Nullable(DateTime),
    followUpDate: Nullable(DateTime),
    priority: Type.Integer(),
    createdAt: DateTime,
    endedAt: Nullable(DateTime),
    completedBy: Nullable(Type.String()),
    revision: Type.Integer(),
};
export const Task = Type.Object(taskFields, { additionalProperties: false });
export type Task = Static<typeof Task>;

/** A task's saved draft: the form data (masked like the form), who saved it and when. */
export const TaskDraft = Type.Object({ variables: JsonObject, savedBy: Type.String(), savedAt: DateTime });
export type TaskDraft = Static<typeof TaskDraft>;

/** A task with its form, the data it starts from, the fields hidden from this reader and the draft. */
export const TaskDetail = Type.Object({
  task: Task,
  form: Nullable(FormDefinition),
  data: JsonObject,
  hidden: Type.Array(Type.String()),
  draft: Nullable(TaskDraft),
});
export type TaskDetail = Static<typeof TaskDetail>;

/** The BPMN of the task's process version and where the case stands. */
export const TaskDiagramView = Type.Object({ xml: Type.String(), activeElementIds: Type.Array(Type.String()), completedElementIds: Type.Array(Type.String()) });
export type TaskDiagramView = Static<typeof TaskDiagramView>;

/** A colleague the task can be assigned to. */
export const Assignee = Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() });
export type Assignee = Static<typeof Assignee>;

export const InboxSort = Type.Union([Type.Literal('due'), Type.Literal('priority'), Type.Literal('created')]);

/** The inbox filters, as query parameters. */
export const InboxQuery = Type.Object(
  {
    state: Type.Optional(TaskState),
    assignee: Type.Optional(Type.String({ maxLength: 64 })),
    candidateGroup: Type.Optional(Type.String({ maxLength: 64 })),
    dealerId: Type.Optional(Type.String({ maxLength: 32 })),
    processId: Type.Optional(Type.String({ maxLength: 128 })),
    dueBefore: Type.Optional(Type.String({ format: 'date-time' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    sort: Type.Optional(InboxSort),
    cursor: Type.Optional(Query.cursor),
    limit: Type.Optional(Query.limit),
  },
  { additionalProperties: false },
);
export type InboxQuery = Static<typeof InboxQuery>;

const Variables = Type.Object({ variables: JsonObject }, { additionalProperties: false });

/** The inbox: list, read, see the diagram, claim, unclaim, assign, save a draft, complete. */
export const taskRoutes = {
  list: route({ method: 'GET', path: '/api/tasks', summary: 'The tasks this user may see, filtered and paged', tags: ['tasks'], auth: 'user', query: InboxQuery, responses: { 200: Page(Task) } }),
  get: route({ method: 'GET', path: '/api/tasks/:key', summary: 'One task with its form, data and draft', tags: ['tasks'], auth: 'user', params: KeyParams, responses: { 200: TaskDetail } }),
  claim: route({ method: 'POST', path: '/api/tasks/:key/claim', summary: 'Takes a task', tags: ['tasks'], auth: 'user', params: KeyParams, responses: { 200: Task } }),
  unclaim: route({ method: 'POST', path: '/api/tasks/:key/unclaim', summary: 'Gives a task back to its groups', tags: ['tasks'], auth: 'user', params: KeyParams, responses: { 200: Task } }),
  diagram: route({ method: 'GET', path: '/api/tasks/:key/diagram', summary: "The task's process diagram and where the case stands", tags: ['tasks'], auth: 'user', params: KeyParams, responses: { 200: TaskDiagramView } }),
  assignees: route({ method: 'GET', path: '/api/tasks/:key/assignees', summary: 'Colleagues the task can be assigned to', tags: ['tasks'], auth: 'user', params: KeyParams, responses: { 200: Items(Assignee) } }),
  assign: route({
    method: 'POST',
    path: '/api/tasks/:key/assign',
    summary: 'Assigns a task to a colleague',
    tags: ['tasks'],
    auth: 'user',
    params: KeyParams,
    body: Type.Object({ assignee: Type.String({ minLength: 1, maxLength: 64 }), revision: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
    responses: { 200: Task },
  }),
  saveDraft: route({ method: 'PUT', path: '/api/tasks/:key/draft', summary: "Saves the task's form data without completing it", tags: ['tasks'], auth: 'user', params: KeyParams, body: Variables, responses: { 200: TaskDraft } }),
  complete: route({ method: 'POST', path: '/api/tasks/:key/complete', summary: 'Completes a task with its form data', tags: ['tasks'], auth: 'user', params: KeyParams, body: Variables, responses: { 204: null } }),
  stream: route({
    method: 'GET',
    path: '/api/tasks/stream',
    summary: "Server-sent events telling an open inbox which of its tasks changed; a browser session's cookie only",
    tags: ['tasks'],
    auth: 'user',
    responses: {
      200: {
        mediaType: 'text/event-stream',
        description:
          'Events `task` with data `{ key, change, processInstanceKey }` (`change`: created, assigned, completed or cancelled), comment heartbeats, and a last event `end` with data `{ reason }` (signed_out, session_expired or too_many_streams) when the server ends the stream',
      },
    },
  }),
};
