import { evaluateDecisionValue, type DecisionModel } from '@dealerflow/engine';
import { readValue, sameValue, show } from './values';
import { childrenNamed, type XmlElement } from './xml';

/** The decisions of one model file, or why it could not be read. */
export interface LoadedModel {
  decisions: DecisionModel[];
  refused?: string;
  /** Problems that would make the engine refuse to deploy the model. */
  problems?: string[];
}

/** The outcome of one result node of a test case. */
export interface NodeOutcome {
  passed: boolean;
  /** Why it failed, grouped for the summary. */
  category?: string;
  detail?: string;
}

/** Runs one test case of the suite against a model and checks each of its result nodes. */
export function runCase(model: LoadedModel, testCase: XmlElement): NodeOutcome[] {
  const inputs = Object.fromEntries(childrenNamed(testCase, 'inputNode').map((n) => [n.attributes.name, readValue(n)]));
  return childrenNamed(testCase, 'resultNode').map((node) => {
    const expectError = node.attributes.errorResult === 'true';
    const expected = readValue(childrenNamed(node, 'expected')[0]);
    if (model.refused) return { passed: false, category: 'model refused', detail: model.refused };
    let actual: unknown;
    try {
      actual = evaluate(model, testCase, node.attributes.name, inputs);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (expectError || expected === null) return { passed: true };
      const category = /is not supported/.test(message) ? `unsupported: ${message.replace(/^.*: (.*) is not supported.*$/, '$1')}` : message.startsWith('no decision') ? 'not found' : 'error instead of a value';
      return { passed: false, category, detail: message };
    }
    if (expectError) return actual === null ? { passed: true } : { passed: false, category: 'value instead of an error', detail: show(actual) };
    if (sameValue(actual, expected)) return { passed: true };
    const category = actual === null ? 'null instead of a value' : 'wrong value';
    return { passed: false, category, detail: `expected ${show(expected)}, got ${show(actual)}` };
  });
}

function evaluate(model: LoadedModel, testCase: XmlElement, resultName: string, inputs: Record<string, unknown>): unknown {
  const byId = new Map(model.decisions.map((d) => [d.decisionId, d]));
  const lookup = (id: string) => byId.get(id);
  const type = testCase.attributes.type ?? 'decision';
  if (type === 'decision') {
    const decision = model.decisions.find((d) => d.name === resultName) ?? model.decisions.find((d) => d.variableName === resultName || d.decisionId === resultName);
    if (!decision) throw new Error(`no decision named '${resultName}'`);
    return evaluateDecisionValue(decision, inputs, lookup, { strictTypes: true });
  }
  // a business knowledge model or decision service is invoked with the inputs as named arguments
  const name = testCase.attributes.invocableName ?? resultName;
  const models = model.decisions[0]?.models;
  const invocable = [...(models?.values() ?? [])].find((m) => m.variableName === name || m.id === name);
  if (!invocable) throw new Error(`no decision service or knowledge model named '${name}'`);
  const args = Object.entries(inputs);
  const caller: DecisionModel = {
    decisionId: `invoke ${name}`,
    variableName: `invoke ${name}`,
    requires: [],
    knowledge: [invocable.id],
    models,
    logic: { kind: 'invocation', callee: invocable.variableName, bindings: args.map(([param], i) => ({ name: param, value: { kind: 'literal', expression: `tck_argument_${i}` } })) },
  };
  const result = evaluateDecisionValue(caller, Object.fromEntries(args.map(([, v], i) => [`tck_argument_${i}`, v])), lookup, { strictTypes: true });
  if (type === 'decisionService' && resultName !== name && result !== null && typeof result === 'object' && resultName in result) return (result as Record<string, unknown>)[resultName];
  return result;
}
