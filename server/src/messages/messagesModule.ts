import { defineModule } from '../modules/FeatureModule';
import { auditMessages } from './messageAudit';
import { messageRoutes } from './messageRoutes';
import { MessageService } from './MessageService';

/** Messages from outside systems, published to the engine and audited. */
export const messagesModule = defineModule({
  name: 'messages',
  makes: ['messages'],
  services: ({ dataSource, engine }) => ({ messages: new MessageService(dataSource, engine) }),
  routes: (s) => [messageRoutes(s.messages)],
  feed: (s) => [auditMessages(s.audit)],
});
