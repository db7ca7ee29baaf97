import type { SignalBroadcastResult, SignalKey, TenantId } from '@camunda8/orchestration-cluster-api';
import { bodyOf, checkTenant, requiredString, variablesOf } from '../requestValues';
import { asKey, DEFAULT_TENANT } from '../responseValues';
import type { RestRoute } from '../RestRoute';

/** /v2/signals: broadcast a signal to the open signal events and signal start events. */
export const signalRoutes: RestRoute[] = [
  {
    method: 'post',
    path: '/signals/broadcast',
    backPressured: true,
    async handle(ctx, { engine }) {
      const body = bodyOf(ctx.request.body);
      checkTenant(body.tenantId);
      const signalName = requiredString(body.signalName, 'signalName');
      const key = await engine.broadcastSignal(signalName, variablesOf(body.variables));
      const result: SignalBroadcastResult = { signalKey: asKey<SignalKey>(key), tenantId: asKey<TenantId>(DEFAULT_TENANT) };
      ctx.body = result;
    },
  },
];
