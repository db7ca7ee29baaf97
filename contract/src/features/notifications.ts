import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, Nullable } from '../common';

/** Every kind of notification; the web app and the e-mails have Russian and English text for each. */
export const notificationKinds = [
  /** A user task was offered to the recipient, their group or their dealer. */
  'task.created',
  /** A task of theirs reaches its due date within the configured lead time. */
  'task.sla',
  /** A distributor decided on a case the recipient started (approved or rejected). */
  'case.decided',
  /** Someone wrote `@login` in a comment on a case. */
  'comment.mention',
  /** A process told the case's dealer or a distributor group something (a `notify` step's template: tender locked or refused, reservation expired, order placed…). A new lead offered to a dealer is the task it creates. */
  'case.notice',
  /** A webhook subscription failed too often in a row and was disabled (told to process admins). */
  'webhook.disabled',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const NotificationKind = Type.Union(notificationKinds.map((kind) => Type.Literal(kind)));

/** How a kind reaches a person by e-mail: not at all, one message per notification, or a daily digest of the unread ones. */
export const emailModes = ['off', 'instant', 'daily'] as const;
export type EmailMode = (typeof emailModes)[number];
export const EmailMode = Type.Union(emailModes.map((mode) => Type.Literal(mode)));

/** One notification in the bell: the values its text names (people and dealers by name, references, ISO dates) and where it opens. */
export const NotificationItem = Type.Object(
  {
    id: Type.String(),
    kind: NotificationKind,
    params: Type.Record(Type.String(), Nullable(Type.Union([Type.String(), Type.Number()]))),
    link: Nullable(Type.String()),
    createdAt: DateTime,
    readAt: Nullable(DateTime),
  },
  { additionalProperties: false },
);
export type NotificationItem = Static<typeof NotificationItem>;

/** The latest notifications and how many are unread. */
export const NotificationList = Type.Object({ items: Type.Array(NotificationItem), unread: Type.Integer() }, { additionalProperties: false });
export type NotificationList = Static<typeof NotificationList>;

/** One kind's choice: in the bell or not, and how by e-mail. */
export const KindPreference = Type.Object({ kind: NotificationKind, inApp: Type.Boolean(), email: EmailMode }, { additionalProperties: false });
export type KindPreference = Static<typeof KindPreference>;

/** A person's notification settings: where e-mail goes, and each kind they may receive. */
export const NotificationPreferencesView = Type.Object({ address: Nullable(Type.String()), kinds: Type.Array(KindPreference) }, { additionalProperties: false });
export type NotificationPreferencesView = Static<typeof NotificationPreferencesView>;

/** A change of settings: either part may be left out; a null address stops e-mail. */
export const NotificationPreferencesChange = Type.Object(
  {
    address: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
    kinds: Type.Optional(Type.Array(KindPreference, { maxItems: notificationKinds.length })),
  },
  { additionalProperties: false },
);
export type NotificationPreferencesChange = Static<typeof NotificationPreferencesChange>;

/** The bell's filters: unread only, and how many (1 to 50). */
export const NotificationListQuery = Type.Object(
  { unread: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])), limit: Type.Optional(Type.String({ pattern: '^(?:[1-9]|[1-4][0-9]|50)$', description: 'at most 50' })) },
  { additionalProperties: false },
);

/** The signed-in user's own notifications (the bell) and their settings. */
export const notificationRoutes = {
  list: route({ method: 'GET', path: '/api/me/notifications', summary: "The user's latest notifications, newest first, and the unread count", tags: ['notifications'], auth: 'user', query: NotificationListQuery, responses: { 200: NotificationList } }),
  unreadCount: route({ method: 'GET', path: '/api/me/notifications/unread-count', summary: 'How many notifications the user has not read', tags: ['notifications'], auth: 'user', responses: { 200: Type.Object({ unread: Type.Integer() }, { additionalProperties: false }) } }),
  readAll: route({ method: 'POST', path: '/api/me/notifications/read-all', summary: 'Marks every notification read', tags: ['notifications'], auth: 'user', responses: { 200: Type.Object({ marked: Type.Integer() }, { additionalProperties: false }) } }),
  read: route({
    method: 'POST',
    path: '/api/me/notifications/:id/read',
    summary: 'Marks one notification read; 404 for anyone else\'s',
    tags: ['notifications'],
    auth: 'user',
    params: Type.Object({ id: Type.String() }),
    responses: { 200: NotificationItem },
  }),
  preferences: route({ method: 'GET', path: '/api/me/notification-preferences', summary: "The user's notification settings, defaults where they chose nothing", tags: ['notifications'], auth: 'user', responses: { 200: NotificationPreferencesView } }),
  savePreferences: route({
    method: 'PUT',
    path: '/api/me/notification-preferences',
    summary: "Changes the user's e-mail address for notifications and their choice per kind",
    tags: ['notifications'],
    auth: 'user',
    body: NotificationPreferencesChange,
    responses: { 200: NotificationPreferencesView },
  }),
};
