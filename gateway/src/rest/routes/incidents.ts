import type { ElementId, IncidentKey, IncidentResult, IncidentSearchQueryResult, JobKey, ProcessDefinitionId, ProcessDefinitionKey, ProcessInstanceKey, TenantId } from '@camunda8/orchestration-cluster-api';
import type { Incident, InstanceSummary, ServableEngine } from '@dealerflow/engine';
import { command } from '../../rpc/command';
import { checkTenant, keyParam } from '../requestValues';
import { asKey, DEFAULT_TENANT, isoDate } from '../responseValues';
import type { RestRoute } from '../RestRoute';
import { exact, pageOf, searchRequest, type Sortable } from '../search';

type Found = { incident: Incident; instance?: InstanceSummary };

function toIncident({ incident: i, instance }: Found): IncidentResult {
  const out: IncidentResult = {
    incidentKey: asKey<IncidentKey>(i.key), processInstanceKey: asKey<ProcessInstanceKey>(i.processInstanceKey), elementId: asKey<ElementId>(i.elementId),
    errorType: i.type, errorMessage: i.message, creationTime: isoDate(i.createdAt), state: 'ACTIVE', tenantId: asKey<TenantId>(DEFAULT_TENANT),
  };
  if (i.jobKey) out.jobKey = asKey<JobKey>(i.jobKey);
  if (instance) {
    out.processDefinitionId = asKey<ProcessDefinitionId>(instance.bpmnProcessId);
    out.processDefinitionKey = asKey<ProcessDefinitionKey>(instance.processDefinitionKey);
  }
  return out;
}

const FILTERS = ['incidentKey', 'processInstanceKey', 'processDefinitionId', 'processDefinitionKey', 'elementId', 'errorType', 'state', 'jobKey', 'tenantId'] as const;
const SORTABLE: Sortable<Found> = {
  incidentKey: (f) => f.incident.key, processInstanceKey: (f) => f.incident.processInstanceKey, elementId: (f) => f.incident.elementId,
  errorType: (f) => f.incident.type, creationTime: (f) => f.incident.createdAt, processDefinitionId: (f) => f.instance?.bpmnProcessId,
};

/** The open incidents with their instances, matching a filter; the engine keeps open incidents only. */
async function findIncidents(engine: ServableEngine, f: Record<string, unknown>): Promise<Found[]> {
  checkTenant(exact<string>(f.tenantId, 'tenantId', 'string'));
  const want = (name: string) => exact<string>(f[name], name, 'string');
  const state = want('state');
  if (state !== undefined && state !== 'ACTIVE') return [];
  const instances = new Map<string, InstanceSummary | undefined>();
  const found: Found[] = [];
  for (const incident of await engine.searchIncidents()) {
    if (!instances.has(incident.processInstanceKey)) instances.set(incident.processInstanceKey, (await engine.searchInstances({ processInstanceKey: incident.processInstanceKey }))[0]);
    found.push({ incident, instance: instances.get(incident.processInstanceKey) });
  }
  const checks: Array<[string, (x: Found) => string | undefined]> = [
    ['incidentKey', (x) => x.incident.key], ['processInstanceKey', (x) => x.incident.processInstanceKey], ['elementId', (x) => x.incident.elementId],
    ['errorType', (x) => x.incident.type], ['jobKey', (x) => x.incident.jobKey], ['processDefinitionId', (x) => x.instance?.bpmnProcessId],
    ['processDefinitionKey', (x) => x.instance?.processDefinitionKey],
  ];
  const active = checks.map(([name, get]) => [want(name), get] as const).filter(([value]) => value !== undefined);
  return found.filter((x) => active.every(([value, get]) => get(x) === value));
}

/** /v2/incidents: search the open incidents and resolve one. */
export const incidentRoutes: RestRoute[] = [
  {
    method: 'post',
    path: '/incidents/search',
    async handle(ctx, { engine }) {
      const request = searchRequest(ctx.request.body, FILTERS, Object.keys(SORTABLE));
      const { items, page } = pageOf(await findIncidents(engine, request.filter), request, (x) => x.incident.key, SORTABLE);
      const body: IncidentSearchQueryResult = { items: items.map(toIncident), page: page as IncidentSearchQueryResult['page'] };
      ctx.body = body;
    },
  },
  {
    method: 'post',
    path: '/incidents/:key/resolution',
    backPressured: true,
    async handle(ctx, { engine }) {
      const key = keyParam(ctx.params.key, 'incidentKey');
      await command('RESOLVE', {
        NOT_FOUND: `Expected to resolve incident with key '${key}', but no such incident was found`,
        INVALID_STATE: `Expected to resolve incident with key '${key}', but its job has no retries left; update the job's retries first`,
      }, () => engine.resolveIncident(key, { requireJobRetries: true }));
      ctx.status = 204;
    },
  },
];
