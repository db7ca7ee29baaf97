import { command } from './command';
import type { UnaryRpc } from './Rpc';
import { parseKey } from './values';

interface CancelProcessInstanceRequest {
  processInstanceKey: string;
}

/** Terminates an active process instance and everything it started. */
export const cancelProcessInstance: UnaryRpc<CancelProcessInstanceRequest> = {
  kind: 'unary',
  async handle(request, { engine }) {
    const key = parseKey(request.processInstanceKey, 'processInstanceKey');
    await command('CANCEL', { NOT_FOUND: `Expected to cancel a process instance with key '${key}', but no such process was found` }, () => engine.cancelInstance(key));
    return {};
  },
};
