import { emailModes, notificationKinds, type EmailMode as ContractEmailMode, type NotificationKind as ContractKind } from '@dealerflow/contract';

/** Every kind of notification (the API contract's list, where each is explained); the web app and the e-mails have RU and EN text for each. */
export const NOTIFICATION_KINDS = notificationKinds;

/** A kind of notification. */
export type NotificationKind = ContractKind;

/** How a kind reaches a person by e-mail. */
export const EMAIL_MODES = emailModes;

/** Off, one message per notification, or one daily digest of the unread ones. */
export type EmailMode = ContractEmailMode;

/** Whether `value` names a kind. */
export const isNotificationKind = (value: unknown): value is NotificationKind => (NOTIFICATION_KINDS as readonly unknown[]).includes(value);
