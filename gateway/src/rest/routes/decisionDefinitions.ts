import type {
  DecisionDefinitionId, DecisionDefinitionKey, DecisionDefinitionResult, DecisionDefinitionSearchQueryResult, DecisionEvaluationKey, DecisionInstanceKey, DecisionRequirementsKey, EvaluateDecisionResult, TenantId,
} from '@camunda8/orchestration-cluster-api';
import type { DecisionEvaluation, DeployedDecision, ServableEngine } from '@dealerflow/engine';
import { command } from '../../rpc/command';
import { badRequest } from '../Problem';
import { bodyOf, checkTenant, keyParam, optionalString, variablesOf } from '../requestValues';
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

/** A decision evaluated on its own as the API answers it; a failed evaluation names the decision that failed and why. */
function toEvaluation(e: DecisionEvaluation): EvaluateDecisionResult {
  const failed = e.failureMessage !== undefined;
  const output = failed ? '' : JSON.stringify(e.output ?? null);
  const tenantId = asKey<TenantId>(DEFAULT_TENANT);
  const decision = {
    decisionDefinitionId: asKey<DecisionDefinitionId>(e.decisionId), decisionDefinitionKey: asKey<DecisionDefinitionKey>(e.decisionKey),
    decisionDefinitionName: e.decisionName, decisionDefinitionVersion: e.version,
  };
  return {
    ...decision, decisionRequirementsId: e.decisionId, decisionRequirementsKey: asKey<DecisionRequirementsKey>(e.decisionKey), output,
    // as Camunda 8.9 answers a successful evaluation: no failed decision and no failure message (null, not '')
    failedDecisionDefinitionId: (e.failedDecisionId ?? null) as DecisionDefinitionId, failureMessage: (e.failureMessage ?? null) as string, tenantId,
    decisionEvaluationKey: asKey<DecisionEvaluationKey>(e.evaluationKey), decisionInstanceKey: asKey<DecisionInstanceKey>(e.evaluationKey),
    evaluatedDecisions: failed ? [] : [{ ...decision, decisionDefinitionType: e.decisionType, output, tenantId, matchedRules: [], evaluatedInputs: [] }],
  };
}

/** A deployed decision by key, with its XML; 404 when the key is not a decision's. */
function decisionByKey(engine: ServableEngine, key: string) {
  return command('GET', { NOT_FOUND: `Decision definition with key '${key}' not found` }, () => engine.decisionDefinition(key));
}

/** /v2/decision-definitions: search the deployed decisions, get one and its DMN XML, and evaluate one. */
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
}, {
  method: 'get',
  path: '/decision-definitions/:key',
  async handle(ctx, { engine }) {
    ctx.body = toDecision(await decisionByKey(engine, keyParam(ctx.params.key, 'decisionDefinitionKey')));
  },
}, {
  method: 'get',
  path: '/decision-definitions/:key/xml',
  async handle(ctx, { engine }) {
    const { xml } = await decisionByKey(engine, keyParam(ctx.params.key, 'decisionDefinitionKey'));
    ctx.type = 'text/xml';
    ctx.body = xml;
  },
}, {
  method: 'post',
  path: '/decision-definitions/evaluation',
  async handle(ctx, { engine }) {
    const body = bodyOf(ctx.request.body);
    checkTenant(body.tenantId);
    const key = body.decisionDefinitionKey === undefined || body.decisionDefinitionKey === null ? undefined : keyParam(body.decisionDefinitionKey, 'decisionDefinitionKey');
    const id = optionalString(body.decisionDefinitionId, 'decisionDefinitionId');
    if ((key === undefined) === (id === undefined)) throw badRequest('Expected either a decisionDefinitionKey or a decisionDefinitionId, but got ' + (key === undefined ? 'neither' : 'both'));
    const variables = variablesOf(body.variables);
    const reason = key !== undefined
      ? `Expected to evaluate decision with key '${key}', but no such decision was found`
      : `Expected to evaluate decision '${id}', but no decision found for id '${id}'`;
    const evaluation = await command('EVALUATE', { NOT_FOUND: reason }, () => engine.evaluateDecision(key !== undefined ? { decisionKey: key } : { decisionId: id }, variables));
    ctx.body = toEvaluation(evaluation);
  },
}];
