import type { Variables } from '../../port';
import { DecisionError } from './DecisionError';
import type { DecisionModel, DecisionTable, Rule } from './DecisionModel';
import { evaluateDecisionValue } from './evaluateDecision';
import { toJson } from './feelValues';

/** A rule of a decision table that matched: its id and its number in the table (1-based, as people count). */
export interface MatchedRule {
  ruleId: string;
  index: number;
}

/** One evaluated decision: its result as JSON and, for a decision table, the rules that gave it (hit policy FIRST: the first that matched; else every rule that matched). */
export interface DecisionStep {
  decisionId: string;
  output: unknown;
  /** Empty when the decision is not a table. */
  matchedRules: MatchedRule[];
}

/** The requested decision's step, with the steps of the decisions it required, in evaluation order. */
export interface DecisionExplanation extends DecisionStep {
  requiredDecisions: DecisionStep[];
}

/**
 * Evaluates a decision of one DMN resource as the engine would, and tells which rules of each
 * table matched on the way; throws a DecisionError when the decision is unknown or fails.
 */
export function explainDecision(decisions: DecisionModel[], decisionId: string, variables: Variables): DecisionExplanation {
  const byId = new Map(decisions.map((d) => [d.decisionId, d]));
  const decision = byId.get(decisionId);
  if (!decision) throw new DecisionError(decisionId, 'no such decision in the resource');
  const matchedBy = new Map<DecisionTable, Rule[]>();
  const steps: DecisionStep[] = [];
  evaluateDecisionValue(decision, variables, (id) => byId.get(id), {
    onMatched: (table, matched) => { matchedBy.set(table, matched); },
    onEvaluated: (evaluated, value) => {
      // a decision required by two others is evaluated for each; list it once, as first evaluated
      if (steps.some((step) => step.decisionId === evaluated.decisionId)) return;
      const table = evaluated.logic.kind === 'table' ? evaluated.logic : undefined;
      const all = (table && matchedBy.get(table)) ?? [];
      const matched = table?.hitPolicy === 'FIRST' ? all.slice(0, 1) : all;
      steps.push({
        decisionId: evaluated.decisionId,
        output: toJson(value),
        matchedRules: matched.map((rule) => ({ ruleId: rule.id, index: (table?.rules.indexOf(rule) ?? -1) + 1 })),
      });
    },
  });
  const last = steps[steps.length - 1];
  return { ...last, requiredDecisions: steps.slice(0, -1) };
}
