import { Router } from '@koa/router';
import { notificationRoutes as contract } from '@dealerflow/contract';
import type { NotificationPreferences } from './NotificationPreferences';
import type { NotificationService } from './NotificationService';
import { contractRoute } from '../http/contractRoute';
import { isoDates } from '../http/isoDates';
import { requireUser } from '../http/requireUser';

const idPattern = /^[0-9a-f-]{36}$/;

/** `/api/me/notifications` (the bell) and `/api/me/notification-preferences` (the settings page): the signed-in user's own only. */
export function notificationRoutes(notifications: NotificationService, preferences: NotificationPreferences): Router {
  const router = new Router({ prefix: '/api/me' });
  contractRoute(router, contract.list, async (ctx, { query: { unread, limit } }) =>
    isoDates(await notifications.list(requireUser(ctx), { unreadOnly: unread === 'true', limit: limit ? Number(limit) : undefined })));
  contractRoute(router, contract.unreadCount, async (ctx) => ({ unread: await notifications.unreadCount(requireUser(ctx)) }));
  contractRoute(router, contract.readAll, async (ctx) => ({ marked: await notifications.markAllRead(requireUser(ctx)) }));
  contractRoute(router, contract.read, async (ctx, { params }) => {
    const user = requireUser(ctx);
    // A malformed id is as unknown as someone else's: 404 either way.
    return isoDates(await notifications.markRead(user, idPattern.test(params.id) ? params.id : ''));
  });
  contractRoute(router, contract.preferences, async (ctx) => preferences.get(requireUser(ctx)));
  contractRoute(router, contract.savePreferences, async (ctx, { body }) => preferences.update(requireUser(ctx), body));
  return router;
}
