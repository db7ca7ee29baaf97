import { command } from './command';
import { rejection } from './GatewayError';
import type { UnaryRpc } from './Rpc';
import { parseKey } from './values';

interface CancelProcessInstanceRequest {
  processInstanceKey: string;
}

/** Terminates an active root process instance and everything it started; a called child is refused, as in Camunda. */
export const cancelProcessInstance: UnaryRpc<CancelProcessInstanceRequest> = {
  kind: 'unary',
  async handle(request, { engine }) {
    const key = parseKey(request.processInstanceKey, 'processInstanceKey');
    const notFound = `Expected to cancel a process instance with key '${key}', but no such process was found`;
    const instance = await command('CANCEL', { NOT_FOUND: notFound }, () => engine.getInstance(key));
    if (instance.parentProcessInstanceKey) {
      throw rejection('CANCEL', 'INVALID_STATE', `Expected to cancel a process instance with key '${key}', but it is created by a parent process instance. Cancel the root process instance '${instance.parentProcessInstanceKey}' instead.`);
    }
    await command('CANCEL', { NOT_FOUND: notFound }, () => engine.cancelInstance(key));
    return {};
  },
};
