import { evaluate } from 'feelin';
import type { ModdleElement } from '../model/moddle';
import type { Aggregation, DecisionTable, HitPolicy, InputColumn, OutputColumn } from './DecisionModel';
import { checkFeel, type Report } from './checkFeel';

/** An entry that compares with a temporal literal: `< date("…")`, `[time("…")..time("…")]`, `@"P1D"`, `not(duration("…"))`. */
const TEMPORAL_TEST = /^(not\s*\()?\s*(<=|>=|<|>|=|!=|\[|\(|\])?\s*(@"|(date|time|date and time|duration|years and months duration)\s*\()/;

const HIT_POLICIES: HitPolicy[] = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const AGGREGATIONS: Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

/** A column's label, when the model gives it one. */
const labelOf = (column: ModdleElement): { label?: string } => (typeof column.label === 'string' && column.label.trim() ? { label: column.label.trim() } : {});

/** Compiles a decision table, reporting unknown hit policies, bad FEEL and rules that do not fit the columns. */
export function parseTable(logic: ModdleElement, id: string, report: Report): DecisionTable {
  const hitPolicy = (logic.hitPolicy as HitPolicy | undefined) ?? 'UNIQUE';
  if (!HIT_POLICIES.includes(hitPolicy)) report(id, `unknown hit policy '${hitPolicy}'`);
  const aggregation = logic.aggregation as Aggregation | undefined;
  if (aggregation && (!AGGREGATIONS.includes(aggregation) || hitPolicy !== 'COLLECT')) report(id, `aggregation '${aggregation}' needs hit policy COLLECT and one of ${AGGREGATIONS.join(', ')}`);
  const inputs = ((logic.input as ModdleElement[] | undefined) ?? []).map((input) => {
    const expression = input.inputExpression as ModdleElement | undefined;
    const text = String(expression?.text ?? '').trim();
    checkFeel(text, id, `input '${input.label ?? input.id}'`, report);
    return { expression: text, typeRef: expression?.typeRef as string | undefined, ...labelOf(input) } as InputColumn;
  });
  const outputs = ((logic.output as ModdleElement[] | undefined) ?? []).map((output, index): OutputColumn => ({
    name: String(output.name ?? `output${index + 1}`),
    ...labelOf(output),
    priority: priorityOf(output, id, report),
    defaultValue: String((output.defaultOutputEntry as ModdleElement | undefined)?.text ?? '').trim() || undefined,
  }));
  if (outputs.length === 0) report(id, 'decision table needs at least one output');
  if (aggregation && outputs.length > 1) report(id, 'an aggregation needs exactly one output');
  const rules = ((logic.rule as ModdleElement[] | undefined) ?? []).map((rule) => {
    ((rule.inputEntry as ModdleElement[] | undefined) ?? []).forEach((e, i) => {
      if (inputs[i] && !inputs[i].temporalRule && TEMPORAL_TEST.test(String(e.text ?? '').trim())) inputs[i].temporalRule = String(rule.id);
    });
    const ruleId = String(rule.id);
    const entry = (e: ModdleElement) => String(e.text ?? '').trim();
    const inputEntries = ((rule.inputEntry as ModdleElement[] | undefined) ?? []).map(entry);
    const outputNodes = (rule.outputEntry as ModdleElement[] | undefined) ?? [];
    const outputEntries = outputNodes.map(entry);
    if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length) report(ruleId, 'rule has a different number of entries than the table has columns');
    outputNodes.forEach((node, i) => checkFeel(outputEntries[i], node.id ?? ruleId, `rule ${ruleId}, output entry`, report));
    return { id: ruleId, inputEntries, outputEntries };
  });
  return { kind: 'table', hitPolicy, aggregation, inputs, outputs, rules };
}

/** The output values list ("a","b") gives the priority order used by PRIORITY and OUTPUT ORDER. */
function priorityOf(output: ModdleElement, decisionId: string, report: Report): unknown[] | undefined {
  const text = String((output.outputValues as ModdleElement | undefined)?.text ?? '').trim();
  if (!text) return undefined;
  try {
    const value = evaluate(`[${text}]`, {}).value;
    return Array.isArray(value) ? value : undefined;
  } catch {
    report(decisionId, `output values of '${String(output.name)}' are not a FEEL list`);
    return undefined;
  }
}
