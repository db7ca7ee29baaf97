import { Router } from '@koa/router';
import { requireUser } from '../http/requireUser';
import { validator } from '../http/validate';
import type { CorrelateRequest, MessageService, PublishRequest } from './MessageService';

/** The longest a message may wait for a subscriber: 30 days. */
const MAX_TTL_MS = 30 * 24 * 3600_000;

const name = { type: 'string', minLength: 1, maxLength: 255, pattern: '\\S' };
// Empty is allowed: a message start event takes a message without a correlation key.
const correlationKey = { type: 'string', maxLength: 255 };
const variables = { type: 'object' };

const publishRequest = validator<PublishRequest>({
  type: 'object',
  properties: {
    name, correlationKey, variables,
    timeToLive: { type: 'integer', minimum: 0, maximum: MAX_TTL_MS },
    messageId: { type: 'string', minLength: 1, maxLength: 255 },
  },
  required: ['name', 'correlationKey'],
  additionalProperties: false,
});

const correlateRequest = validator<CorrelateRequest>({
  type: 'object',
  properties: { name, correlationKey, variables },
  required: ['name', 'correlationKey'],
  additionalProperties: false,
});

/** `/api/messages`: messages from outside systems to waiting processes. */
export function messageRoutes(messages: MessageService): Router {
  const router = new Router({ prefix: '/api/messages' });
  router.post('/', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await messages.publish(user, publishRequest(ctx.request.body));
  });
  router.post('/correlate', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await messages.correlate(user, correlateRequest(ctx.request.body));
  });
  return router;
}
