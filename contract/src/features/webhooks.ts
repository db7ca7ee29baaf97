import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, Items, Nullable } from '../common';

/** The events outside systems may subscribe to. */
export const webhookEventTypes = ['task.created', 'task.completed', 'instance.completed', 'instance.cancelled', 'incident.raised', 'lead.assigned'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
export const WebhookEventType = Type.Union(webhookEventTypes.map((type) => Type.Literal(type)));

/** A subscription as the API lists it: never its secret. `disabledBy` is `failures` when deliveries kept failing, else the admin's login. */
export const Webhook = Type.Object(
  {
    id: Type.String(),
    url: Type.String(),
    events: Type.Array(Type.String()),
    processId: Nullable(Type.String()),
    dealerId: Nullable(Type.String()),
    dealerName: Nullable(Type.String()),
    enabled: Type.Boolean(),
    /** Failed attempts in a row; reaching the limit disables the subscription. */
    consecutiveFailures: Type.Integer(),
    disabledAt: Nullable(DateTime),
    disabledBy: Nullable(Type.String()),
    createdBy: Type.String(),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);
export type Webhook = Static<typeof Webhook>;

/** What an admin asks for: the URL is checked against the address rules; process and dealer narrow the events. */
export const NewWebhook = Type.Object(
  {
    url: Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://\\S+$' }),
    events: Type.Array(WebhookEventType, { minItems: 1, maxItems: webhookEventTypes.length }),
    processId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' }))),
    dealerId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 32 }))),
  },
  { additionalProperties: false },
);
export type NewWebhook = Static<typeof NewWebhook>;

/** A new subscription and its signing secret, shown this once. */
export const CreatedWebhook = Type.Object({ webhook: Webhook, secret: Type.String() }, { additionalProperties: false });
export type CreatedWebhook = Static<typeof CreatedWebhook>;

/** One try of a delivery. */
export const WebhookAttempt = Type.Object(
  {
    id: Type.Integer(),
    at: DateTime,
    outcome: Type.Union([Type.Literal('ok'), Type.Literal('failed')]),
    responseCode: Nullable(Type.Integer()),
    error: Nullable(Type.String()),
    durationMs: Type.Integer(),
    /** The start of the receiver's answer. */
    responseExcerpt: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
export type WebhookAttempt = Static<typeof WebhookAttempt>;

/** One event for one subscription, with its attempts, oldest first. */
export const WebhookDelivery = Type.Object(
  {
    id: Type.Integer(),
    eventId: Type.String(),
    eventType: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
    attempts: Type.Array(WebhookAttempt),
    nextAttemptAt: DateTime,
    deliveredAt: Nullable(DateTime),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);
export type WebhookDelivery = Static<typeof WebhookDelivery>;

const IdParams = Type.Object({ id: Type.String() });

/** Outgoing webhook subscriptions, their delivery log and manual redelivery, for admins. */
export const webhookRoutes = {
  list: route({ method: 'GET', path: '/api/webhooks', summary: 'Every webhook subscription, newest first', tags: ['webhooks'], auth: 'user', responses: { 200: Items(Webhook) } }),
  create: route({ method: 'POST', path: '/api/webhooks', summary: 'Subscribes a URL to events; the answer carries the signing secret, never shown again', tags: ['webhooks'], auth: 'user', body: NewWebhook, responses: { 201: CreatedWebhook } }),
  disable: route({ method: 'POST', path: '/api/webhooks/:id/disable', summary: 'Stops deliveries to a subscription', tags: ['webhooks'], auth: 'user', params: IdParams, responses: { 200: Webhook } }),
  enable: route({ method: 'POST', path: '/api/webhooks/:id/enable', summary: 'Resumes deliveries to a subscription', tags: ['webhooks'], auth: 'user', params: IdParams, responses: { 200: Webhook } }),
  deliveries: route({ method: 'GET', path: '/api/webhooks/:id/deliveries', summary: "A subscription's latest deliveries with their attempts", tags: ['webhooks'], auth: 'user', params: IdParams, responses: { 200: Items(WebhookDelivery) } }),
  redeliver: route({
    method: 'POST',
    path: '/api/webhooks/deliveries/:deliveryId/redeliver',
    summary: 'Sends a delivery again soon; 409 while it is being sent or its subscription is disabled',
    tags: ['webhooks'],
    auth: 'user',
    params: Type.Object({ deliveryId: Type.String() }),
    responses: { 202: Type.Object({ id: Type.Integer(), status: Type.Literal('pending') }, { additionalProperties: false }) },
  }),
};
