import { command } from './command';
import { invalidArgument } from './GatewayError';
import type { UnaryRpc } from './Rpc';
import { checkTenant, DEFAULT_TENANT, parseLong, parseVariables } from './values';

interface PublishMessageRequest {
  name: string;
  correlationKey: string;
  timeToLive: string;
  messageId: string;
  variables: string;
  tenantId: string;
}

/** Publishes a message: correlated now, buffered for its time to live, deduplicated by id while buffered. */
export const publishMessage: UnaryRpc<PublishMessageRequest> = {
  kind: 'unary',
  async handle(request, { engine }) {
    checkTenant('PublishMessage', [request.tenantId]);
    if (!request.name) throw invalidArgument("Expected argument 'name' to be non-empty, but was empty");
    const variables = parseVariables(request.variables);
    const timeToLive = Math.max(0, parseLong(request.timeToLive));
    const message = { name: request.name, correlationKey: request.correlationKey, variables, timeToLive, ...(request.messageId ? { messageId: request.messageId } : {}) };
    const key = await command('PUBLISH', {
      ALREADY_EXISTS: `Expected to publish a new message with id '${request.messageId}', but a message with that id was already published`,
    }, () => engine.publishMessageWithKey(message));
    return { key, tenantId: DEFAULT_TENANT };
  },
};
