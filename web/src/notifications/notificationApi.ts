// The bell's and the settings page's shapes come from the API contract.
export type { EmailMode, NotificationItem, NotificationKind, NotificationList, NotificationPreferencesView } from '@dealerflow/contract';
