import type { ProcessDefinitionId, ProcessDefinitionKey, ProcessDefinitionResult, ProcessDefinitionSearchQueryResult, TenantId } from '@camunda8/orchestration-cluster-api';
import type { DeployedProcess, ServableEngine } from '@dealerflow/engine';
import { command } from '../../rpc/command';
import { checkTenant, keyParam } from '../requestValues';
import { asKey, DEFAULT_TENANT, formResult } from '../responseValues';
import type { RestRoute } from '../RestRoute';
import { exact, pageOf, searchRequest, type Sortable } from '../search';

/** A deployed process as the API's definition; it has a start form when its none start event names one, linked or embedded. */
async function toDefinition(engine: ServableEngine, p: DeployedProcess): Promise<ProcessDefinitionResult> {
  return {
    name: p.bpmnProcessId, resourceName: p.resourceName, version: p.version, processDefinitionId: asKey<ProcessDefinitionId>(p.bpmnProcessId),
    tenantId: asKey<TenantId>(DEFAULT_TENANT), processDefinitionKey: asKey<ProcessDefinitionKey>(p.processDefinitionKey),
    hasStartForm: (await engine.startFormLink(p.processDefinitionKey)) !== null,
  };
}

const unknownDefinition = (key: string) => ({ NOT_FOUND: `Process definition with key '${key}' not found` });

const FILTERS = ['processDefinitionKey', 'processDefinitionId', 'version', 'resourceName', 'isLatestVersion', 'tenantId'] as const;
const SORTABLE: Sortable<DeployedProcess> = {
  processDefinitionKey: (p) => p.processDefinitionKey, processDefinitionId: (p) => p.bpmnProcessId, name: (p) => p.bpmnProcessId,
  resourceName: (p) => p.resourceName, version: (p) => p.version, tenantId: () => DEFAULT_TENANT,
};

function matching(all: DeployedProcess[], f: Record<string, unknown>): DeployedProcess[] {
  checkTenant(exact<string>(f.tenantId, 'tenantId', 'string'));
  const key = exact<string>(f.processDefinitionKey, 'processDefinitionKey', 'string');
  const id = exact<string>(f.processDefinitionId, 'processDefinitionId', 'string');
  const version = exact<number>(f.version, 'version', 'number');
  const resourceName = exact<string>(f.resourceName, 'resourceName', 'string');
  const latestOnly = exact<boolean>(f.isLatestVersion, 'isLatestVersion', 'boolean');
  const latest = new Map<string, number>();
  for (const p of all) latest.set(p.bpmnProcessId, Math.max(latest.get(p.bpmnProcessId) ?? 0, p.version));
  return all.filter((p) => (key === undefined || p.processDefinitionKey === key) && (id === undefined || p.bpmnProcessId === id) &&
    (version === undefined || p.version === version) && (resourceName === undefined || p.resourceName === resourceName) &&
    (latestOnly === undefined || (latest.get(p.bpmnProcessId) === p.version) === latestOnly));
}

/** /v2/process-definitions: search the deployed processes, get one, its BPMN XML and its start form. */
export const processDefinitionRoutes: RestRoute[] = [
  {
    method: 'post',
    path: '/process-definitions/search',
    async handle(ctx, { engine }) {
      const request = searchRequest(ctx.request.body, FILTERS, Object.keys(SORTABLE));
      const { items, page } = pageOf(matching(await engine.listProcessDefinitions(), request.filter), request, (p) => p.processDefinitionKey, SORTABLE);
      const definitions: ProcessDefinitionResult[] = [];
      for (const p of items) definitions.push(await toDefinition(engine, p));
      const body: ProcessDefinitionSearchQueryResult = { items: definitions, page: page as ProcessDefinitionSearchQueryResult['page'] };
      ctx.body = body;
    },
  },
  {
    method: 'get',
    path: '/process-definitions/:key',
    async handle(ctx, { engine }) {
      const key = keyParam(ctx.params.key, 'processDefinitionKey');
      ctx.body = await toDefinition(engine, await command('GET', unknownDefinition(key), () => engine.processDefinition(key)));
    },
  },
  {
    method: 'get',
    path: '/process-definitions/:key/xml',
    async handle(ctx, { engine }) {
      const key = keyParam(ctx.params.key, 'processDefinitionKey');
      const process = await command('GET', unknownDefinition(key), () => engine.processDefinition(key));
      ctx.type = 'text/xml';
      ctx.body = await engine.getProcessDefinitionXml(process.processDefinitionKey);
    },
  },
  {
    method: 'get',
    path: '/process-definitions/:key/form',
    async handle(ctx, { engine }) {
      const key = keyParam(ctx.params.key, 'processDefinitionKey');
      const link = await command('GET', unknownDefinition(key), () => engine.startFormLink(key));
      // as in Camunda, only a linked form is answered: an embedded one is read from the model
      if (link === null || !('formId' in link)) {
        ctx.status = 204;
        return;
      }
      const { formId } = link;
      ctx.body = formResult(await command('GET', { NOT_FOUND: `Form with id '${formId}' not found` }, () => engine.getForm({ formId })));
    },
  },
];
