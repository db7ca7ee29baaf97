import { Router } from '@koa/router';
import type { KindPreference, NotificationPreferences } from '../../notifications/NotificationPreferences';
import type { NotificationService } from '../../notifications/NotificationService';
import { EMAIL_MODES, NOTIFICATION_KINDS } from '../../notifications/notificationKinds';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const listQuery = validator<{ unread?: 'true' | 'false'; limit?: string }>({
  type: 'object',
  properties: { unread: { enum: ['true', 'false'] }, limit: { type: 'string', pattern: '^(?:[1-9]|[1-4][0-9]|50)$' } },
  additionalProperties: false,
});

const preferencesRequest = validator<{ address?: string | null; kinds?: KindPreference[] }>({
  type: 'object',
  properties: {
    address: { anyOf: [{ type: 'null' }, { type: 'string', format: 'email', maxLength: 254 }] },
    kinds: {
      type: 'array',
      maxItems: NOTIFICATION_KINDS.length,
      items: {
        type: 'object',
        properties: { kind: { enum: [...NOTIFICATION_KINDS] }, inApp: { type: 'boolean' }, email: { enum: [...EMAIL_MODES] } },
        required: ['kind', 'inApp', 'email'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
});

const idPattern = /^[0-9a-f-]{36}$/;

/** `/api/me/notifications` (the bell) and `/api/me/notification-preferences` (the settings page): the signed-in user's own only. */
export function notificationRoutes(notifications: NotificationService, preferences: NotificationPreferences): Router {
  const router = new Router({ prefix: '/api/me' });
  router.get('/notifications', async (ctx) => {
    const { unread, limit } = listQuery(ctx.query);
    ctx.body = await notifications.list(requireUser(ctx), { unreadOnly: unread === 'true', limit: limit ? Number(limit) : undefined });
  });
  router.get('/notifications/unread-count', async (ctx) => {
    ctx.body = { unread: await notifications.unreadCount(requireUser(ctx)) };
  });
  router.post('/notifications/read-all', async (ctx) => {
    ctx.body = { marked: await notifications.markAllRead(requireUser(ctx)) };
  });
  router.post('/notifications/:id/read', async (ctx) => {
    const user = requireUser(ctx);
    // A malformed id is as unknown as someone else's: 404 either way.
    ctx.body = await notifications.markRead(user, idPattern.test(ctx.params.id) ? ctx.params.id : '');
  });
  router.get('/notification-preferences', async (ctx) => {
    ctx.body = await preferences.get(requireUser(ctx));
  });
  router.put('/notification-preferences', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await preferences.update(user, preferencesRequest(ctx.request.body));
  });
  return router;
}
