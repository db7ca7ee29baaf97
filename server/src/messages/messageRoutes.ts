import { Router } from '@koa/router';
import { messageRoutes as contract } from '@dealerflow/contract';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';
import type { MessageService } from './MessageService';

/** `/api/messages`: messages from outside systems to waiting processes. */
export function messageRoutes(messages: MessageService): Router {
  const router = new Router({ prefix: '/api/messages' });
  contractRoute(router, contract.publish, async (ctx, { body }) => messages.publish(requireUser(ctx), body));
  contractRoute(router, contract.correlate, async (ctx, { body }) => messages.correlate(requireUser(ctx), body));
  return router;
}
