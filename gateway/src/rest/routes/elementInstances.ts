import type { ElementId, ElementInstanceKey, ElementInstanceResult, ElementInstanceSearchQueryResult, IncidentKey, ProcessDefinitionId, ProcessDefinitionKey, ProcessInstanceKey, TenantId } from '@camunda8/orchestration-cluster-api';
import type { ElementInstanceSummary, ServableEngine } from '@dealerflow/engine';
import { notFound } from '../Problem';
import { checkTenant, keyParam } from '../requestValues';
import { asKey, DEFAULT_TENANT, isoDate } from '../responseValues';
import type { RestRoute } from '../RestRoute';
import { exact, pageOf, searchRequest, type Sortable } from '../search';

type ElementType = ElementInstanceResult['type'];

/** The engine's BPMN element type (UserTask) in the API's naming (USER_TASK). */
export function elementTypeOf(bpmnType: string): ElementType {
  const upper = bpmnType.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  return (upper === 'SUB_PROCESS' || upper.endsWith('_EVENT') || upper.endsWith('_TASK') || upper.endsWith('_GATEWAY') || ['TASK', 'CALL_ACTIVITY', 'MULTI_INSTANCE_BODY', 'EVENT_SUB_PROCESS'].includes(upper) ? upper : 'UNKNOWN') as ElementType;
}

function toElementInstance(e: ElementInstanceSummary): ElementInstanceResult {
  const out: ElementInstanceResult = {
    elementInstanceKey: asKey<ElementInstanceKey>(e.elementInstanceKey), processInstanceKey: asKey<ProcessInstanceKey>(e.processInstanceKey),
    processDefinitionKey: asKey<ProcessDefinitionKey>(e.processDefinitionKey), processDefinitionId: asKey<ProcessDefinitionId>(e.bpmnProcessId),
    elementId: asKey<ElementId>(e.elementId), elementName: e.elementName ?? e.elementId, type: elementTypeOf(e.elementType), state: e.state,
    startDate: isoDate(e.startedAt), hasIncident: e.incidentKey !== undefined, tenantId: asKey<TenantId>(DEFAULT_TENANT),
  };
  if (e.endedAt !== undefined) out.endDate = isoDate(e.endedAt);
  if (e.incidentKey !== undefined) out.incidentKey = asKey<IncidentKey>(e.incidentKey);
  return out;
}

const FILTERS = ['elementInstanceKey', 'processInstanceKey', 'processDefinitionKey', 'processDefinitionId', 'elementId', 'elementName', 'type', 'state', 'hasIncident', 'incidentKey', 'tenantId'] as const;

const SORTABLE: Sortable<ElementInstanceSummary> = {
  elementInstanceKey: (e) => e.elementInstanceKey, processInstanceKey: (e) => e.processInstanceKey, processDefinitionKey: (e) => e.processDefinitionKey,
  processDefinitionId: (e) => e.bpmnProcessId, startDate: (e) => e.startedAt, endDate: (e) => e.endedAt, elementId: (e) => e.elementId,
  elementName: (e) => e.elementName ?? e.elementId, type: (e) => elementTypeOf(e.elementType), state: (e) => e.state, incidentKey: (e) => e.incidentKey, tenantId: () => DEFAULT_TENANT,
};

/** The element instances matching a filter: the two keys narrow what the engine reads, the rest is checked here. */
async function findElementInstances(engine: ServableEngine, f: Record<string, unknown>): Promise<ElementInstanceSummary[]> {
  checkTenant(exact<string>(f.tenantId, 'tenantId', 'string'));
  const key = (name: string) => {
    const v = exact<string>(f[name], name, 'string');
    return v === undefined ? undefined : keyParam(v, `filter.${name}`);
  };
  const processInstanceKey = key('processInstanceKey');
  const elementInstanceKey = key('elementInstanceKey');
  const found = await engine.searchElementInstances({ ...(processInstanceKey ? { processInstanceKey } : {}), ...(elementInstanceKey ? { elementInstanceKey } : {}) });
  const checks: Array<[unknown, (e: ElementInstanceSummary) => unknown]> = [
    [key('processDefinitionKey'), (e) => e.processDefinitionKey],
    [exact<string>(f.processDefinitionId, 'processDefinitionId', 'string'), (e) => e.bpmnProcessId],
    [exact<string>(f.elementId, 'elementId', 'string'), (e) => e.elementId],
    [exact<string>(f.elementName, 'elementName', 'string'), (e) => e.elementName ?? e.elementId],
    [exact<string>(f.type, 'type', 'string'), (e) => elementTypeOf(e.elementType)],
    [exact<string>(f.state, 'state', 'string'), (e) => e.state],
    [exact<boolean>(f.hasIncident, 'hasIncident', 'boolean'), (e) => e.incidentKey !== undefined],
    [key('incidentKey'), (e) => e.incidentKey],
  ];
  const active = checks.filter(([value]) => value !== undefined);
  return found.filter((e) => active.every(([value, get]) => get(e) === value));
}

/** /v2/element-instances: search the activations of flow elements, live and ended, and get one by key. */
export const elementInstanceRoutes: RestRoute[] = [
  {
    method: 'post',
    path: '/element-instances/search',
    async handle(ctx, { engine }) {
      const request = searchRequest(ctx.request.body, FILTERS, Object.keys(SORTABLE));
      const { items, page } = pageOf(await findElementInstances(engine, request.filter), request, (e) => e.elementInstanceKey, SORTABLE);
      const body: ElementInstanceSearchQueryResult = { items: items.map(toElementInstance), page: page as ElementInstanceSearchQueryResult['page'] };
      ctx.body = body;
    },
  },
  {
    method: 'get',
    path: '/element-instances/:key',
    async handle(ctx, { engine }) {
      const key = keyParam(ctx.params.key, 'elementInstanceKey');
      const [found] = await engine.searchElementInstances({ elementInstanceKey: key });
      if (!found) throw notFound(`Element instance with key '${key}' not found`);
      ctx.body = toElementInstance(found);
    },
  },
];
