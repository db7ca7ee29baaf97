import { DmnModdle } from 'dmn-moddle';
import type { ModelProblem } from '../../port';
import type { ModdleElement } from '../model/moddle';
import type { Aggregation, DecisionModel, HitPolicy, OutputColumn } from './DecisionModel';
import { feelSyntaxError } from '../feel/Expression';
import { evaluate } from 'feelin';

const HIT_POLICIES: HitPolicy[] = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const AGGREGATIONS: Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

/** Whether a resource is a DMN model (by name, or by its namespace when the name says nothing). */
export function isDmnResource(name: string, content: string): boolean {
  return /\.dmn$/i.test(name) || (!/\.bpmn$/i.test(name) && /xmlns(:\w+)?="https:\/\/www\.omg\.org\/spec\/DMN\//.test(content));
}

type Report = (elementId: string | undefined, message: string) => void;

/** Parses DMN XML into decisions, collecting every problem (decision and rule ids named). */
export async function parseDmn(resourceName: string, xml: string): Promise<{ decisions: DecisionModel[]; problems: ModelProblem[] }> {
  const problems: ModelProblem[] = [];
  const report: Report = (elementId, message) => problems.push({ resourceName, elementId, message });
  let definitions: ModdleElement;
  try {
    const result = await new DmnModdle().fromXML(xml, 'dmn:Definitions');
    definitions = result.rootElement as ModdleElement;
    for (const w of result.warnings) report(w.element?.id, w.message);
  } catch (e) {
    return { decisions: [], problems: [{ resourceName, message: `malformed XML: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const elements = (definitions.drgElement as ModdleElement[] | undefined) ?? [];
  const decisions = elements.filter((e) => e.$type === 'dmn:Decision').map((d) => compileDecision(d, report));
  if (decisions.length === 0) report(undefined, 'no decision in the resource');
  const ids = new Set(decisions.map((d) => d.decisionId));
  for (const d of decisions) {
    for (const required of d.requires) if (!ids.has(required)) report(d.decisionId, `requires decision '${required}', which is not in the resource`);
  }
  return { decisions, problems };
}

function compileDecision(node: ModdleElement, report: Report): DecisionModel {
  const id = String(node.id);
  const requires = ((node.informationRequirement as ModdleElement[] | undefined) ?? [])
    .map((r) => (r.requiredDecision as ModdleElement | undefined)?.href as string | undefined)
    .filter((href): href is string => !!href)
    .map((href) => href.replace(/^#/, ''));
  const logic = node.decisionLogic as ModdleElement | undefined;
  const base = { decisionId: id, name: node.name, requires };
  if (logic?.$type === 'dmn:LiteralExpression') {
    const expression = String(logic.text ?? '').trim();
    checkFeel(expression, id, 'literal expression', report);
    return { ...base, logic: { kind: 'literal', expression } };
  }
  if (logic?.$type !== 'dmn:DecisionTable') {
    report(id, 'decision needs a decision table or a literal expression');
    return { ...base, logic: { kind: 'literal', expression: 'null' } };
  }
  const hitPolicy = (logic.hitPolicy as HitPolicy | undefined) ?? 'UNIQUE';
  if (!HIT_POLICIES.includes(hitPolicy)) report(id, `unknown hit policy '${hitPolicy}'`);
  const aggregation = logic.aggregation as Aggregation | undefined;
  if (aggregation && (!AGGREGATIONS.includes(aggregation) || hitPolicy !== 'COLLECT')) report(id, `aggregation '${aggregation}' needs hit policy COLLECT and one of ${AGGREGATIONS.join(', ')}`);
  const inputs = ((logic.input as ModdleElement[] | undefined) ?? []).map((input) => {
    const text = String((input.inputExpression as ModdleElement | undefined)?.text ?? '').trim();
    checkFeel(text, id, `input '${input.label ?? input.id}'`, report);
    return text;
  });
  const outputs = ((logic.output as ModdleElement[] | undefined) ?? []).map((output, index): OutputColumn => ({
    name: String(output.name ?? `output${index + 1}`),
    priority: priorityOf(output, id, report),
  }));
  if (outputs.length === 0) report(id, 'decision table needs at least one output');
  if (aggregation && outputs.length > 1) report(id, 'an aggregation needs exactly one output');
  const rules = ((logic.rule as ModdleElement[] | undefined) ?? []).map((rule) => {
    const ruleId = String(rule.id);
    const entry = (e: ModdleElement) => String(e.text ?? '').trim();
    const inputEntries = ((rule.inputEntry as ModdleElement[] | undefined) ?? []).map(entry);
    const outputNodes = (rule.outputEntry as ModdleElement[] | undefined) ?? [];
    const outputEntries = outputNodes.map(entry);
    if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length) report(ruleId, 'rule has a different number of entries than the table has columns');
    outputNodes.forEach((node, i) => checkFeel(outputEntries[i], node.id ?? ruleId, `rule ${ruleId}, output entry`, report));
    return { id: ruleId, inputEntries, outputEntries };
  });
  return { ...base, logic: { kind: 'table', hitPolicy, aggregation, inputs, outputs, rules } };
}

function checkFeel(text: string, elementId: string, what: string, report: Report): void {
  const error = text === '' ? undefined : feelSyntaxError(text);
  if (error) report(elementId, `${what}: ${error}`);
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
