import type { DecisionDefinitionId, DecisionDefinitionKey, DecisionDefinitionResult, DecisionDefinitionSearchQueryResult, DecisionRequirementsKey, TenantId } from '@camunda8/orchestration-cluster-api';
import type { DeployedDecision } from '@dealerflow/engine';
import { checkTenant } from '../requestValues';
import { asKey, DEFAULT_TENANT } from '../responseValues';
import type { RestRoute } from '../RestRoute';
import { exact, pageOf, searchRequest, type Sortable } from '../search';

// each decision is stored as its own definition: its key also stands for its requirements
function toDecision(d: DeployedDecision): DecisionDefinitionResult {
  return {
    decisionDefinitionId: asKey<DecisionDefinitionId>(d.decisionId), name: d.decisionId, version: d.version, decisionRequirementsId: d.decisionId,
    tenantId: asKey<TenantId>(DEFAULT_TENANT), decisionDefinitionKey: asKey<DecisionDefinitionKey>(d.decisionKey), decisionRequirementsKey: asKey<DecisionRequirementsKey>(d.decisionKey),
  };
}

const FILTERS = ['decisionDefinitionKey', 'decisionDefinitionId', 'version', 'tenantId'] as const;
const SORTABLE: Sortable<DeployedDecision> = {
  decisionDefinitionKey: (d) => d.decisionKey, decisionDefinitionId: (d) => d.decisionId, name: (d) => d.decisionId, version: (d) => d.version, tenantId: () => DEFAULT_TENANT,
};

/** POST /v2/decision-definitions/search: the deployed decisions. */
export const decisionDefinitionRoutes: RestRoute[] = [{
  method: 'post',
  path: '/decision-definitions/search',
  async handle(ctx, { engine }) {
    const request = searchRequest(ctx.request.body, FILTERS, Object.keys(SORTABLE));
    const f = request.filter;
    checkTenant(exact<string>(f.tenantId, 'tenantId', 'string'));
    const key = exact<string>(f.decisionDefinitionKey, 'decisionDefinitionKey', 'string');
    const id = exact<string>(f.decisionDefinitionId, 'decisionDefinitionId', 'string');
    const version = exact<number>(f.version, 'version', 'number');
    const all = (await engine.listDecisions()).filter((d) => (key === undefined || d.decisionKey === key) && (id === undefined || d.decisionId === id) && (version === undefined || d.version === version));
    const { items, page } = pageOf(all, request, (d) => d.decisionKey, SORTABLE);
    const body: DecisionDefinitionSearchQueryResult = { items: items.map(toDecision), page: page as DecisionDefinitionSearchQueryResult['page'] };
    ctx.body = body;
  },
}];
