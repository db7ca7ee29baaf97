import type { MessageCorrelationResult, MessageKey, MessagePublicationResult, ProcessInstanceKey, TenantId } from '@camunda8/orchestration-cluster-api';
import type { Message } from '@dealerflow/engine';
import { command } from '../../rpc/command';
import { bodyOf, checkTenant, optionalInteger, optionalString, requiredString, variablesOf } from '../requestValues';
import { asKey, DEFAULT_TENANT } from '../responseValues';
import type { RestRoute } from '../RestRoute';

function message(body: Record<string, unknown>, withBuffering: boolean): Message {
  checkTenant(body.tenantId);
  const out: Message = { name: requiredString(body.name, 'name'), correlationKey: optionalString(body.correlationKey, 'correlationKey') ?? '', variables: variablesOf(body.variables) };
  if (withBuffering) {
    out.timeToLive = Math.max(0, optionalInteger(body.timeToLive, 'timeToLive', 0));
    const messageId = optionalString(body.messageId, 'messageId');
    if (messageId) out.messageId = messageId;
  }
  return out;
}

/** /v2/messages: publication (buffered for its time to live) and correlation (now, to the first instance it reaches). */
export const messageRoutes: RestRoute[] = [
  {
    method: 'post',
    path: '/messages/publication',
    backPressured: true,
    async handle(ctx, { engine }) {
      const m = message(bodyOf(ctx.request.body), true);
      const messageKey = await command('PUBLISH', {
        ALREADY_EXISTS: `Expected to publish a new message with id '${m.messageId}', but a message with that id was already published`,
      }, () => engine.publishMessageWithKey(m));
      const result: MessagePublicationResult = { tenantId: asKey<TenantId>(DEFAULT_TENANT), messageKey: asKey<MessageKey>(messageKey) };
      ctx.body = result;
    },
  },
  {
    method: 'post',
    path: '/messages/correlation',
    backPressured: true,
    async handle(ctx, { engine }) {
      const m = message(bodyOf(ctx.request.body), false);
      const correlation = await command('CORRELATE', {
        NOT_FOUND: `Expected to find subscription for message with name '${m.name}' and correlation key '${m.correlationKey}', but none was found.`,
      }, () => engine.correlateMessage(m));
      const result: MessageCorrelationResult = { tenantId: asKey<TenantId>(DEFAULT_TENANT), messageKey: asKey<MessageKey>(correlation.messageKey), processInstanceKey: asKey<ProcessInstanceKey>(correlation.processInstanceKey) };
      ctx.body = result;
    },
  },
];
