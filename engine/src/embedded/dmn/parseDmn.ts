import { DmnModdle } from 'dmn-moddle';
import type { ModelProblem } from '../../port';
import type { ModdleElement } from '../model/moddle';
import type { DecisionModel, KnowledgeModel } from './DecisionModel';
import type { Report } from './checkFeel';
import { parseBoxed, parseFunction } from './parseBoxed';
import { dmn15Boxed, namespaceDmn15Boxed } from './boxedDmn15';
import { itemTypeOf } from './itemTypes';

/** DMN 1.2, 1.4 and 1.5 share the 1.3 elements we read; their model and diagram namespaces are read as 1.3 (DC and DI did not change). */
const OTHER_VERSIONS = /https?:\/\/www\.omg\.org\/spec\/DMN\/(20180521|20211108|20230324)\/(MODEL|DMNDI)\//g;

/** Whether a resource is a DMN model (by name, or by its namespace when the name says nothing). */
export function isDmnResource(name: string, content: string): boolean {
  return /\.dmn$/i.test(name) || (!/\.bpmn$/i.test(name) && /xmlns(:\w+)?="https:\/\/www\.omg\.org\/spec\/DMN\//.test(content));
}

/** Parses DMN XML into decisions, collecting every problem (decision and rule ids named). */
export async function parseDmn(resourceName: string, xml: string): Promise<{ decisions: DecisionModel[]; problems: ModelProblem[] }> {
  const problems: ModelProblem[] = [];
  const report: Report = (elementId, message) => { problems.push({ resourceName, elementId, message }); };
  let definitions: ModdleElement;
  try {
    const result = await new DmnModdle({ dmn15: dmn15Boxed }).fromXML(namespaceDmn15Boxed(xml.replace(OTHER_VERSIONS, 'https://www.omg.org/spec/DMN/20191111/$2/')), 'dmn:Definitions');
    definitions = result.rootElement as ModdleElement;
    for (const w of result.warnings) report(w.element?.id, w.message);
  } catch (e) {
    return { decisions: [], problems: [{ resourceName, message: `malformed XML: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const elements = (definitions.drgElement as ModdleElement[] | undefined) ?? [];
  report.names = variableNames(definitions);
  const names = new Map(elements.map((e) => [String(e.id), variableNameOf(e)]));
  const typeRefs = new Map(elements.map((e) => [String(e.id), (e.variable as ModdleElement | undefined)?.typeRef as string | undefined]));
  const models = new Map<string, KnowledgeModel>();
  for (const e of elements) {
    if (e.$type === 'dmn:BusinessKnowledgeModel') models.set(String(e.id), knowledgeModel(e, report));
    if (e.$type === 'dmn:DecisionService') models.set(String(e.id), decisionService(e, names, typeRefs));
  }
  const types = new Map(((definitions.itemDefinition as ModdleElement[] | undefined) ?? []).map((t) => [String(t.name), itemTypeOf(t)]));
  const decisions = elements.filter((e) => e.$type === 'dmn:Decision').map((d) => ({ ...compileDecision(d, report), models, types }));
  if (decisions.length === 0) report(undefined, 'no decision in the resource');
  const ids = new Set(decisions.map((d) => d.decisionId));
  for (const d of decisions) {
    for (const required of d.requires) if (!ids.has(required)) report(d.decisionId, `requires decision '${required}', which is not in the resource`);
    for (const required of d.knowledge) if (!models.has(required)) report(d.decisionId, `requires knowledge '${required}', which is not in the resource`);
  }
  return { decisions, problems };
}

/** Every name the model declares (variables, context entries, parameters, components), so FEEL names with spaces parse. */
function variableNames(root: ModdleElement): Record<string, unknown> {
  const names: Record<string, unknown> = {};
  const visit = (node: unknown, depth: number): void => {
    if (depth > 40 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
    const element = node as ModdleElement;
    if ((element.$type === 'dmn:InformationItem' || element.$type === 'dmn:ItemDefinition') && typeof element.name === 'string') names[element.name] = null;
    for (const [key, value] of Object.entries(element)) if (!key.startsWith('$') && typeof value === 'object') visit(value, depth + 1);
  };
  visit(root, 0);
  return names;
}

/** The name DMN binds an element's value under: its variable's name, else its name, else its id. */
function variableNameOf(node: ModdleElement): string {
  const variable = node.variable as ModdleElement | undefined;
  return String(variable?.name || node.name || node.id);
}

const refs = (list: unknown, key?: string) => ((list as ModdleElement[] | undefined) ?? [])
  .map((r) => (key ? (r[key] as ModdleElement | undefined)?.href : r.href) as string | undefined)
  .filter((href): href is string => !!href)
  .map((href) => href.replace(/^.*#/, ''));

function compileDecision(node: ModdleElement, report: Report): DecisionModel {
  const id = String(node.id);
  return {
    decisionId: id,
    name: node.name as string | undefined,
    variableName: variableNameOf(node),
    typeRef: (node.variable as ModdleElement | undefined)?.typeRef as string | undefined,
    requires: refs(node.informationRequirement, 'requiredDecision'),
    knowledge: refs(node.knowledgeRequirement, 'requiredKnowledge'),
    logic: parseBoxed(node.decisionLogic as ModdleElement | undefined, id, report),
  };
}

function knowledgeModel(node: ModdleElement, report: Report): KnowledgeModel {
  const id = String(node.id);
  const logic = node.encapsulatedLogic as ModdleElement | undefined;
  const fn = logic ? parseFunction(logic, id, report) : undefined;
  if (fn && !fn.typeRef) fn.typeRef = (node.variable as ModdleElement | undefined)?.typeRef as string | undefined;
  return {
    id,
    variableName: variableNameOf(node),
    logic: fn ?? { kind: 'unsupported', what: 'a business knowledge model without logic' },
    knowledge: refs(node.knowledgeRequirement, 'requiredKnowledge'),
  };
}

function decisionService(node: ModdleElement, names: Map<string, string>, typeRefs: Map<string, string | undefined>): KnowledgeModel {
  const inputData = refs(node.inputData);
  const inputDecisions = refs(node.inputDecision);
  return {
    id: String(node.id),
    variableName: variableNameOf(node),
    logic: {
      kind: 'service',
      outputDecisions: refs(node.outputDecision),
      inputDecisions,
      inputData: inputData.map((id) => names.get(id) ?? id),
      inputTypes: [...inputData, ...inputDecisions].map((id) => typeRefs.get(id)),
      typeRef: (node.variable as ModdleElement | undefined)?.typeRef as string | undefined,
    },
    knowledge: [],
  };
}
