import { command } from './command';
import type { UnaryRpc } from './Rpc';
import { parseKey } from './values';

interface ResolveIncidentRequest {
  incidentKey: string;
}

/** Resolves an incident: a job incident (once its job has retries again) offers its job again, others retry the element. */
export const resolveIncident: UnaryRpc<ResolveIncidentRequest> = {
  kind: 'unary',
  async handle(request, { engine }) {
    const key = parseKey(request.incidentKey, 'incidentKey');
    await command('RESOLVE', {
      NOT_FOUND: `Expected to resolve incident with key '${key}', but no such incident was found`,
      INVALID_STATE: (e) => `Expected to resolve incident with key '${key}', but job with key '${(e.details as { jobKey: string }).jobKey}' has no retries left. Please update the job retries and retry resolving the incident`,
    }, () => engine.resolveIncident(key, { requireJobRetries: true }));
    return {};
  },
};
