/** Every kind of notification; the web app and the e-mails have RU and EN text for each. */
export const NOTIFICATION_KINDS = [
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
  /** A webhook subscription failed too often in a row and was disabled (told to process admins by the webhooks feature). */
  'webhook.disabled',
] as const;

/** A kind of notification. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a kind reaches a person by e-mail. */
export const EMAIL_MODES = ['off', 'instant', 'daily'] as const;

/** Off, one message per notification, or one daily digest of the unread ones. */
export type EmailMode = (typeof EMAIL_MODES)[number];

/** Whether `value` names a kind. */
export const isNotificationKind = (value: unknown): value is NotificationKind => (NOTIFICATION_KINDS as readonly unknown[]).includes(value);
