import { command } from './command';
import { invalidArgument } from './GatewayError';
import type { UnaryRpc } from './Rpc';
import { checkTenant, DEFAULT_TENANT, parseVariables } from './values';

interface EvaluateDecisionRequest {
  decisionKey: string;
  decisionId: string;
  variables: string;
  tenantId: string;
}

/**
 * Evaluates a deployed decision (by key, or the latest version by id). A failing evaluation
 * is an answer, not an error: it names the failed decision and why, as in Camunda.
 */
export const evaluateDecision: UnaryRpc<EvaluateDecisionRequest> = {
  kind: 'unary',
  async handle(request, { engine }) {
    checkTenant('EvaluateDecision', [request.tenantId]);
    const byKey = request.decisionKey && request.decisionKey !== '0';
    if (!byKey && !request.decisionId) throw invalidArgument("Expected either 'decisionKey' or 'decisionId' to be set, but neither was");
    const variables = parseVariables(request.variables);
    const reason = byKey
      ? `Expected to evaluate decision with key '${request.decisionKey}', but no such decision was found`
      : `Expected to evaluate decision '${request.decisionId}', but no decision found for id '${request.decisionId}'`;
    const ref = byKey ? { decisionKey: request.decisionKey } : { decisionId: request.decisionId };
    const e = await command('EVALUATE', { NOT_FOUND: reason }, () => engine.evaluateDecision(ref, variables));
    const failed = e.failureMessage !== undefined;
    const decisionOutput = failed ? '' : JSON.stringify(e.output ?? null);
    const decision = { decisionKey: e.decisionKey, decisionId: e.decisionId, decisionName: e.decisionName, decisionVersion: e.version };
    return {
      ...decision,
      decisionRequirementsId: e.decisionId,
      decisionRequirementsKey: e.decisionKey,
      decisionOutput,
      evaluatedDecisions: failed ? [] : [{ ...decision, decisionType: e.decisionType, decisionOutput, matchedRules: [], evaluatedInputs: [], tenantId: DEFAULT_TENANT }],
      failedDecisionId: e.failedDecisionId ?? '',
      failureMessage: e.failureMessage ?? '',
      tenantId: DEFAULT_TENANT,
      decisionInstanceKey: e.evaluationKey,
    };
  },
};
