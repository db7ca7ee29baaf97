import type { DecisionDiff, RuleRow } from '@dealerflow/contract';
import type { TFunction } from 'i18next';

const POLICIES = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const AGGREGATIONS = ['SUM', 'MIN', 'MAX', 'COUNT'];

/** A hit policy in words, its DMN name after it: "First matching rule (FIRST)". */
export function hitPolicyText(t: TFunction, policy: string): string {
  const [name, aggregation] = POLICIES.includes(policy) ? [policy, undefined] : [policy.split(' ')[0], policy.split(' ')[1]];
  if (!POLICIES.includes(name)) return policy;
  const words = t(`decisions.changes.policy.${name.replace(' ', '_')}`);
  return aggregation && AGGREGATIONS.includes(aggregation) ? `${words}, ${t(`decisions.changes.aggregation.${aggregation}`)} (${policy})` : `${words} (${policy})`;
}

/** A cell's text; an empty condition matches anything, an empty result gives nothing. */
const cellText = (t: TFunction, kind: 'input' | 'output', value: string) => value || t(kind === 'input' ? 'decisions.changes.anyValue' : 'decisions.changes.noValue');

/** A rule in one line: its conditions, then what it gives. */
export function ruleText(t: TFunction, rule: RuleRow): string {
  const conditions = rule.inputs.map((cell) => `${cell.column}: ${cellText(t, 'input', cell.value)}`).join('; ');
  const results = rule.outputs.map((cell) => `${cell.column} = ${cellText(t, 'output', cell.value)}`).join('; ');
  return t('decisions.changes.ruleLine', { conditions, results });
}

/** Every change of a decision as a sentence for the review's list. */
export function changeLines(t: TFunction, diff: DecisionDiff): string[] {
  const lines: string[] = [];
  if (diff.kindChanged) lines.push(t('decisions.changes.kindChanged'));
  if (diff.hitPolicy) lines.push(t('decisions.changes.hitPolicy', { before: hitPolicyText(t, diff.hitPolicy.before), after: hitPolicyText(t, diff.hitPolicy.after) }));
  for (const column of diff.inputsAdded) lines.push(t('decisions.changes.inputAdded', { column }));
  for (const column of diff.inputsRemoved) lines.push(t('decisions.changes.inputRemoved', { column }));
  for (const column of diff.outputsAdded) lines.push(t('decisions.changes.outputAdded', { column }));
  for (const column of diff.outputsRemoved) lines.push(t('decisions.changes.outputRemoved', { column }));
  for (const rule of diff.rulesAdded) lines.push(t('decisions.changes.ruleAdded', { position: rule.position, rule: ruleText(t, rule) }));
  for (const rule of diff.rulesRemoved) lines.push(t('decisions.changes.ruleRemoved', { position: rule.position, rule: ruleText(t, rule) }));
  for (const rule of diff.rulesChanged) {
    for (const cell of rule.cells) {
      lines.push(t(cell.kind === 'input' ? 'decisions.changes.conditionChanged' : 'decisions.changes.resultChanged', {
        position: rule.position, column: cell.column, before: cellText(t, cell.kind, cell.before), after: cellText(t, cell.kind, cell.after),
      }));
    }
  }
  if (diff.expression) lines.push(t('decisions.changes.expression', { before: diff.expression.before, after: diff.expression.after }));
  return lines;
}
