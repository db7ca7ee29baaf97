import { MailMessage } from './MailMessage';
import { Notification } from './Notification';
import { NotificationMailbox } from './NotificationMailbox';
import { NotificationPreference } from './NotificationPreference';

/** The entities the notifications feature owns. */
export const notificationEntities = [Notification, NotificationPreference, NotificationMailbox, MailMessage];
