import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { JsonObject, Nullable } from '../common';

/** The longest a message may wait for a subscriber: 30 days, in milliseconds. */
export const maxMessageTtlMs = 30 * 24 * 3600_000;

const name = Type.String({ minLength: 1, maxLength: 255, pattern: '\\S' });
/** Empty is allowed: a message start event takes a message without a correlation key. */
const correlationKey = Type.String({ maxLength: 255 });

/** A message from an outside system: `timeToLive` 0 (the default) correlates now or never; `messageId` deduplicates while it is buffered. */
export const PublishMessage = Type.Object(
  {
    name,
    correlationKey,
    variables: Type.Optional(JsonObject),
    timeToLive: Type.Optional(Type.Integer({ minimum: 0, maximum: maxMessageTtlMs })),
    messageId: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  },
  { additionalProperties: false },
);
export type PublishMessage = Static<typeof PublishMessage>;

/** A message to correlate now, or be refused. */
export const CorrelateMessage = Type.Object({ name, correlationKey, variables: Type.Optional(JsonObject) }, { additionalProperties: false });
export type CorrelateMessage = Static<typeof CorrelateMessage>;

/** Where a correlated message went. */
export const Correlation = Type.Object(
  { messageKey: Type.String(), processInstanceKey: Type.String(), bpmnProcessId: Nullable(Type.String()), caseRef: Nullable(Type.String()) },
  { additionalProperties: false },
);
export type Correlation = Static<typeof Correlation>;

/** Messages from outside systems to waiting processes. */
export const messageRoutes = {
  publish: route({
    method: 'POST',
    path: '/api/messages',
    summary: 'Publishes a message; 409 while one with the same name and id is still buffered',
    tags: ['messages'],
    auth: 'user',
    body: PublishMessage,
    responses: { 200: Type.Object({ messageKey: Type.String() }, { additionalProperties: false }) },
  }),
  correlate: route({ method: 'POST', path: '/api/messages/correlate', summary: 'Correlates a message to the process waiting for it now', tags: ['messages'], auth: 'user', body: CorrelateMessage, responses: { 200: Correlation } }),
};
