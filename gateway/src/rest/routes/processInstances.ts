import type { CreateProcessInstanceResult, ProcessInstanceKey, ProcessInstanceResult, ProcessInstanceSearchQueryResult } from '@camunda8/orchestration-cluster-api';
import type { InstanceFilter, InstanceRef, InstanceState, InstanceSummary, ServableEngine, Variables } from '@dealerflow/engine';
import { command } from '../../rpc/command';
import { pick } from '../../rpc/values';
import { badRequest, notFound, Problem } from '../Problem';
import { bodyOf, checkTenant, keyParam, optionalInteger, optionalString, variablesOf } from '../requestValues';
import { asKey, DEFAULT_TENANT, isoDate } from '../responseValues';
import type { RestRoute } from '../RestRoute';
import { exact, pageOf, searchRequest, type Sortable } from '../search';

const STATES: readonly InstanceState[] = ['ACTIVE', 'COMPLETED', 'TERMINATED'];

/** Starts what a creation instruction names: a definition key, or a process id and version (latest when absent or -1). */
async function start(engine: ServableEngine, body: Record<string, unknown>): Promise<InstanceRef> {
  checkTenant(body.tenantId);
  const variables = variablesOf(body.variables);
  const byKey = body.processDefinitionKey !== undefined ? keyParam(body.processDefinitionKey, 'processDefinitionKey') : undefined;
  const processId = optionalString(body.processDefinitionId, 'processDefinitionId');
  if (!byKey && !processId) throw badRequest('At least one of [processDefinitionId, processDefinitionKey] is required');
  if (byKey && processId) throw badRequest('Only one of [processDefinitionId, processDefinitionKey] is allowed');
  const version = optionalInteger(body.processDefinitionVersion, 'processDefinitionVersion', -1);
  const instructions = body.startInstructions === undefined ? [] : body.startInstructions;
  if (!Array.isArray(instructions)) throw badRequest('The value for startInstructions must be an array');
  const startElementIds = instructions.map((i: { elementId?: unknown }) => optionalString(i?.elementId, 'startInstructions[].elementId') ?? '');
  const at = startElementIds.length > 0 ? { startElementIds } : {};
  const reason = byKey
    ? `Expected to find process definition with key '${byKey}', but none found`
    : version > 0 ? `Expected to find process definition with process ID '${processId}' and version '${version}', but none found` : `Expected to find process definition with process ID '${processId}', but none found`;
  return command('CREATE', { NOT_FOUND: reason }, async () => {
    if (byKey) {
      const def = await engine.processDefinition(byKey);
      return engine.createInstance(def.bpmnProcessId, variables, { version: def.version, ...at });
    }
    return engine.createInstance(processId!, variables, { ...(version > 0 ? { version } : {}), ...at });
  });
}

function created(ref: InstanceRef, variables: Variables): CreateProcessInstanceResult {
  return {
    processDefinitionId: asKey(ref.bpmnProcessId), processDefinitionVersion: ref.version, tenantId: asKey(DEFAULT_TENANT), variables,
    processDefinitionKey: asKey(ref.processDefinitionKey), processInstanceKey: asKey(ref.processInstanceKey),
  };
}

/** An engine instance summary as the API's process instance. */
export function toProcessInstance(s: InstanceSummary): ProcessInstanceResult {
  const out: ProcessInstanceResult = {
    processDefinitionId: asKey(s.bpmnProcessId), processDefinitionName: s.bpmnProcessId, processDefinitionVersion: s.version,
    startDate: isoDate(s.startedAt), state: s.state, hasIncident: s.hasIncident, tenantId: asKey(DEFAULT_TENANT),
    processInstanceKey: asKey(s.processInstanceKey), processDefinitionKey: asKey(s.processDefinitionKey),
  };
  if (s.endedAt !== undefined) out.endDate = isoDate(s.endedAt);
  if (s.parentProcessInstanceKey) out.parentProcessInstanceKey = asKey<ProcessInstanceKey>(s.parentProcessInstanceKey);
  return out;
}

const FILTERS = ['processInstanceKey', 'processDefinitionId', 'processDefinitionKey', 'processDefinitionVersion', 'state', 'parentProcessInstanceKey', 'hasIncident', 'tenantId'] as const;

const SORTABLE: Sortable<InstanceSummary> = {
  processInstanceKey: (s) => s.processInstanceKey, processDefinitionKey: (s) => s.processDefinitionKey, processDefinitionId: (s) => s.bpmnProcessId,
  processDefinitionName: (s) => s.bpmnProcessId, processDefinitionVersion: (s) => s.version, startDate: (s) => s.startedAt, endDate: (s) => s.endedAt,
  state: (s) => s.state, hasIncident: (s) => s.hasIncident, parentProcessInstanceKey: (s) => s.parentProcessInstanceKey, tenantId: () => DEFAULT_TENANT,
};

function instanceFilter(f: Record<string, unknown>): InstanceFilter {
  const filter: InstanceFilter = {};
  const key = (name: string) => {
    const v = exact<string>(f[name], name, 'string');
    return v === undefined ? undefined : keyParam(v, `filter.${name}`);
  };
  const set = <K extends keyof InstanceFilter>(k: K, v: InstanceFilter[K] | undefined) => void (v !== undefined && (filter[k] = v));
  set('processInstanceKey', key('processInstanceKey'));
  set('processDefinitionKey', key('processDefinitionKey'));
  set('parentProcessInstanceKey', key('parentProcessInstanceKey'));
  set('bpmnProcessId', exact<string>(f.processDefinitionId, 'processDefinitionId', 'string'));
  set('version', exact<number>(f.processDefinitionVersion, 'processDefinitionVersion', 'number'));
  set('hasIncident', exact<boolean>(f.hasIncident, 'hasIncident', 'boolean'));
  const state = exact<string>(f.state, 'state', 'string');
  if (state !== undefined && !STATES.includes(state as InstanceState)) throw badRequest(`The value for filter.state is '${state}' but must be one of ${STATES.join(', ')}`);
  set('state', state as InstanceState | undefined);
  checkTenant(exact<string>(f.tenantId, 'tenantId', 'string'));
  return filter;
}

/** /v2/process-instances: create (optionally awaiting completion), get, cancel and search. */
export const processInstanceRoutes: RestRoute[] = [
  {
    method: 'post',
    path: '/process-instances',
    async handle(ctx, { engine, results, limits, closing, inFlight }) {
      const body = bodyOf(ctx.request.body);
      // only the creation is bounded, not the wait for the outcome, as over gRPC
      if (body.awaitCompletion !== true) {
        ctx.body = created(await inFlight.run(() => start(engine, body), 'REST API'), {});
        return;
      }
      const requested = optionalInteger(body.requestTimeout, 'requestTimeout', 0);
      const fetch = Array.isArray(body.fetchVariables) ? body.fetchVariables.map(String) : undefined;
      const { ref, outcome } = await results.createAndAwait(() => inFlight.run(() => start(engine, body), 'REST API'), requested > 0 ? requested : limits.requestTimeout, closing);
      if (outcome.state !== 'COMPLETED') throw new Problem(409, 'INVALID_STATE', `Process instance '${ref.processInstanceKey}' was terminated before it completed`);
      ctx.body = created(ref, pick(outcome.variables, fetch));
    },
  },
  {
    method: 'post',
    path: '/process-instances/search',
    async handle(ctx, { engine }) {
      const request = searchRequest(ctx.request.body, FILTERS, Object.keys(SORTABLE));
      const { items, page } = pageOf(await engine.searchInstances(instanceFilter(request.filter)), request, (s) => s.processInstanceKey, SORTABLE);
      const body: ProcessInstanceSearchQueryResult = { items: items.map(toProcessInstance), page: page as ProcessInstanceSearchQueryResult['page'] };
      ctx.body = body;
    },
  },
  {
    method: 'get',
    path: '/process-instances/:key',
    async handle(ctx, { engine }) {
      const key = keyParam(ctx.params.key, 'processInstanceKey');
      const [found] = await engine.searchInstances({ processInstanceKey: key });
      if (!found) throw notFound(`Process instance with key '${key}' not found`);
      ctx.body = toProcessInstance(found);
    },
  },
  {
    method: 'post',
    path: '/process-instances/:key/cancellation',
    async handle(ctx, { engine }) {
      const key = keyParam(ctx.params.key, 'processInstanceKey');
      await command('CANCEL', { NOT_FOUND: `Expected to cancel a process instance with key '${key}', but no such process was found` }, () => engine.cancelInstance(key));
      ctx.status = 204;
    },
  },
];
