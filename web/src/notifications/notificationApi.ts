/** A kind of notification, as the server names it. */
export type NotificationKind = 'task.created' | 'task.sla' | 'case.decided' | 'comment.mention' | 'case.notice' | 'webhook.disabled';

/** How a kind reaches a person by e-mail. */
export type EmailMode = 'off' | 'instant' | 'daily';

/** One notification in the bell. */
export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  params: Record<string, string | number | null>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** `GET /api/me/notifications`. */
export interface NotificationList {
  items: NotificationItem[];
  unread: number;
}

/** `GET /api/me/notification-preferences`. */
export interface NotificationPreferencesView {
  address: string | null;
  kinds: { kind: NotificationKind; inApp: boolean; email: EmailMode }[];
}
