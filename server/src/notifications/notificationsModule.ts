import { defineModule } from '../modules/FeatureModule';
import { Notifications1734600000000 } from './1734600000000-Notifications';
import { notificationEntities } from './notificationEntities';
import { notificationRoutes } from './notificationRoutes';
import { NotificationPreferences } from './NotificationPreferences';
import { NotificationService } from './NotificationService';
import { notifyOnEngineEvents } from './notifyOnEngineEvents';

/** Notifications per person (other features call `notify` inside their own transaction) and their preferences. */
export const notificationsModule = defineModule({
  name: 'notifications',
  entities: notificationEntities,
  migrations: [Notifications1734600000000],
  needs: ['audit'],
  makes: ['notifications', 'notificationPreferences'],
  services: ({ dataSource, options, audit }) => ({ notifications: new NotificationService(dataSource, options.notifications), notificationPreferences: new NotificationPreferences(dataSource, audit) }),
  routes: (s) => [notificationRoutes(s.notifications, s.notificationPreferences)],
  feed: (s) => [notifyOnEngineEvents(s.notifications)],
});
