import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { Items, JsonObject, Nullable } from '../common';
import { FormDefinition } from './forms';

/** A process this user may start: its latest version, with the start form masked for them (null when it has none). */
export const StartableProcess = Type.Object({ bpmnProcessId: Type.String(), name: Type.String(), version: Type.Integer(), startForm: Nullable(FormDefinition) });
export type StartableProcess = Static<typeof StartableProcess>;

/** What starting a case sends: the process, the start form's data, and (distributor staff only) the dealer it is for. */
export const StartRequest = Type.Object(
  { bpmnProcessId: Type.String({ minLength: 1, maxLength: 128 }), variables: JsonObject, dealerId: Type.Optional(Type.String({ maxLength: 32 })) },
  { additionalProperties: false },
);
export type StartRequest = Static<typeof StartRequest>;

/** A started case: the instance and the reference people quote. */
export const StartedCase = Type.Object({ instanceKey: Type.String(), caseRef: Type.String() });
export type StartedCase = Static<typeof StartedCase>;

/** Starting cases from start forms. */
export const processStartRoutes = {
  startable: route({ method: 'GET', path: '/api/processes', summary: 'The processes this user may start, with their start forms', tags: ['start'], auth: 'user', responses: { 200: Items(StartableProcess) } }),
  start: route({
    method: 'POST',
    path: '/api/process-instances',
    summary: 'Starts a case; a 400 with field errors when the start form rejects the data',
    tags: ['start'],
    auth: 'user',
    body: StartRequest,
    responses: { 201: StartedCase },
  }),
};
