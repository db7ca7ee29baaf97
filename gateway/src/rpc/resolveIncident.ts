import { command } from './command';
import type { UnaryRpc } from './Rpc';
import { parseKey } from './values';

interface ResolveIncidentRequest {
  incidentKey: string;
}

/** Resolves an incident: a job incident offers its job again, others retry the element. */
export const resolveIncident: UnaryRpc<ResolveIncidentRequest> = {
  kind: 'unary',
  async handle(request, { engine }) {
    const key = parseKey(request.incidentKey, 'incidentKey');
    await command('RESOLVE', { NOT_FOUND: `Expected to resolve incident with key '${key}', but no such incident was found` }, () => engine.resolveIncident(key));
    return {};
  },
};
