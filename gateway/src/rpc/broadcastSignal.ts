import { invalidArgument } from './GatewayError';
import type { UnaryRpc } from './Rpc';
import { checkTenant, DEFAULT_TENANT, parseVariables } from './values';

interface BroadcastSignalRequest {
  signalName: string;
  variables: string;
  tenantId?: string;
}

/** Broadcasts a signal: open signal catch and boundary events are triggered, signal start events start instances. */
export const broadcastSignal: UnaryRpc<BroadcastSignalRequest> = {
  kind: 'unary',
  async handle(request, { engine }) {
    checkTenant('BroadcastSignal', [request.tenantId]);
    if (!request.signalName) throw invalidArgument("Expected argument 'signalName' to be a non-empty string, but was ''");
    const key = await engine.broadcastSignal(request.signalName, parseVariables(request.variables));
    return { key, tenantId: DEFAULT_TENANT };
  },
};
