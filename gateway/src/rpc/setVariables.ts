import { command } from './command';
import type { UnaryRpc } from './Rpc';
import { parseKey, parseVariables } from './values';

interface SetVariablesRequest {
  elementInstanceKey: string;
  variables: string;
  local: boolean;
}

/**
 * Sets variables on a scope: a process instance key, or a job's elementInstanceKey (the
 * task's scope). Local sets them on that scope; otherwise each goes where it already exists.
 */
export const setVariables: UnaryRpc<SetVariablesRequest> = {
  kind: 'unary',
  async handle(request, { engine }) {
    const key = parseKey(request.elementInstanceKey, 'elementInstanceKey');
    const variables = parseVariables(request.variables);
    const commandKey = await command('UPDATE', { NOT_FOUND: `Expected to update variables for element with key '${key}', but no such element was found` },
      () => engine.setVariables(key, variables, { local: request.local }));
    return { key: commandKey };
  },
};
