import type { ProcessInstanceKey, ScopeKey, TenantId, VariableKey, VariableResult, VariableSearchQueryResult, VariableSearchResult } from '@camunda8/orchestration-cluster-api';
import { NotFoundError, type ServableEngine, type VariableSummary } from '@dealerflow/engine';
import { badRequest, notFound } from '../Problem';
import { checkTenant, keyParam } from '../requestValues';
import { asKey, DEFAULT_TENANT } from '../responseValues';
import type { RestRoute } from '../RestRoute';
import { exact, pageOf, searchRequest, type Sortable } from '../search';

/** Values longer than this are cut in searches unless truncateValues=false, as the reference server does. */
const TRUNCATE_AT = 8191;

const valueText = (v: VariableSummary) => JSON.stringify(v.value) ?? 'null';

function toVariable(v: VariableSummary, truncate: boolean): VariableSearchResult {
  const full = valueText(v);
  const isTruncated = truncate && full.length > TRUNCATE_AT;
  return {
    variableKey: asKey<VariableKey>(v.variableKey), name: v.name, value: isTruncated ? full.slice(0, TRUNCATE_AT) : full, isTruncated,
    scopeKey: asKey<ScopeKey>(v.scopeKey), processInstanceKey: asKey<ProcessInstanceKey>(v.processInstanceKey), tenantId: asKey<TenantId>(DEFAULT_TENANT),
  };
}

const FILTERS = ['variableKey', 'scopeKey', 'processInstanceKey', 'name', 'value', 'isTruncated', 'tenantId'] as const;
const TASK_FILTERS = ['name'] as const;

const SORTABLE: Sortable<VariableSummary> = {
  value: valueText, name: (v) => v.name, tenantId: () => DEFAULT_TENANT, variableKey: (v) => v.variableKey, scopeKey: (v) => v.scopeKey, processInstanceKey: (v) => v.processInstanceKey,
};

/** The variables matching a filter: the keys narrow what the engine reads; a value filter compares the JSON text. */
async function findVariables(engine: ServableEngine, f: Record<string, unknown>, truncate: boolean): Promise<VariableSummary[]> {
  checkTenant(exact<string>(f.tenantId, 'tenantId', 'string'));
  const key = (name: string) => {
    const v = exact<string>(f[name], name, 'string');
    return v === undefined ? undefined : keyParam(v, `filter.${name}`);
  };
  const filter = { processInstanceKey: key('processInstanceKey'), scopeKey: key('scopeKey'), variableKey: key('variableKey') };
  const found = await engine.searchVariables(Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)));
  const name = exact<string>(f.name, 'name', 'string');
  const value = exact<string>(f.value, 'value', 'string');
  const isTruncated = exact<boolean>(f.isTruncated, 'isTruncated', 'boolean');
  return found.filter((v) => (name === undefined || v.name === name) && (value === undefined || valueText(v) === value) &&
    (isTruncated === undefined || (truncate && valueText(v).length > TRUNCATE_AT) === isTruncated));
}

function truncateParam(value: unknown): boolean {
  if (value === undefined || value === 'true') return true;
  if (value === 'false') return false;
  throw badRequest(`The value for truncateValues is '${String(value)}' but must be true or false`);
}

/** The variables an open user task sees, by name when the filter names one. */
async function findTaskVariables(engine: ServableEngine, taskKey: string, f: Record<string, unknown>): Promise<VariableSummary[]> {
  const name = exact<string>(f.name, 'name', 'string');
  const found = await engine.userTaskVariables(taskKey).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw notFound(`User task with key '${taskKey}' not found`);
    throw error;
  });
  return found.filter((v) => name === undefined || v.name === name);
}

/**
 * /v2/variables: search the variables of process instances and their live scopes, and get one by
 * key; /v2/user-tasks/{key}/variables/search: the variables a user task sees.
 */
export const variableRoutes: RestRoute[] = [
  {
    method: 'post',
    path: '/variables/search',
    async handle(ctx, { engine }) {
      const truncate = truncateParam(ctx.query.truncateValues);
      const request = searchRequest(ctx.request.body, FILTERS, Object.keys(SORTABLE));
      const { items, page } = pageOf(await findVariables(engine, request.filter, truncate), request, (v) => v.variableKey, SORTABLE);
      const body: VariableSearchQueryResult = { items: items.map((v) => toVariable(v, truncate)), page: page as VariableSearchQueryResult['page'] };
      ctx.body = body;
    },
  },
  {
    method: 'get',
    path: '/variables/:key',
    async handle(ctx, { engine }) {
      const key = keyParam(ctx.params.key, 'variableKey');
      const [found] = await engine.searchVariables({ variableKey: key });
      if (!found) throw notFound(`Variable with key '${key}' not found`);
      const { isTruncated: _, ...full } = toVariable(found, false);
      const body: VariableResult = full;
      ctx.body = body;
    },
  },
  {
    method: 'post',
    path: '/user-tasks/:key/variables/search',
    async handle(ctx, { engine }) {
      const truncate = truncateParam(ctx.query.truncateValues);
      const request = searchRequest(ctx.request.body, TASK_FILTERS, Object.keys(SORTABLE));
      const found = await findTaskVariables(engine, keyParam(ctx.params.key, 'userTaskKey'), request.filter);
      const { items, page } = pageOf(found, request, (v) => v.variableKey, SORTABLE);
      const body: VariableSearchQueryResult = { items: items.map((v) => toVariable(v, truncate)), page: page as VariableSearchQueryResult['page'] };
      ctx.body = body;
    },
  },
];
