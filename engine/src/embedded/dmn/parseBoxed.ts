import type { ModdleElement } from '../model/moddle';
import { checkFeel, type Report } from './checkFeel';
import type { BoxedExpression, FunctionDefinition } from './DecisionModel';
import { parseTable } from './parseTable';

const many = (node: ModdleElement, key: string) => (node[key] as ModdleElement[] | undefined) ?? [];

/**
 * Compiles a boxed expression. One we cannot evaluate becomes `unsupported`, which fails
 * only the decision that evaluates it, so the rest of the file still deploys.
 */
export function parseBoxed(node: ModdleElement | undefined, id: string, report: Report): BoxedExpression {
  switch (node?.$type) {
    case undefined: return { kind: 'literal', expression: '' };
    case 'dmn:LiteralExpression': {
      const expression = String(node.text ?? '').trim();
      checkFeel(expression, id, 'literal expression', report);
      return { kind: 'literal', expression, typeRef: node.typeRef as string | undefined };
    }
    case 'dmn:DecisionTable': return parseTable(node, id, report);
    case 'dmn:Context': return {
      kind: 'context',
      entries: many(node, 'contextEntry').map((entry) => ({
        name: (entry.variable as ModdleElement | undefined)?.name as string | undefined,
        typeRef: (entry.variable as ModdleElement | undefined)?.typeRef as string | undefined,
        value: parseBoxed(entry.value as ModdleElement | undefined, id, report),
      })),
    };
    case 'dmn:Invocation': {
      const called = node.calledFunction as ModdleElement | undefined;
      return {
        kind: 'invocation',
        callee: String(called?.text ?? '').trim(),
        bindings: many(node, 'binding').map((b) => ({
          name: String((b.parameter as ModdleElement | undefined)?.name ?? ''),
          value: b.bindingFormula ? parseBoxed(b.bindingFormula as ModdleElement, id, report) : undefined,
        })),
      };
    }
    case 'dmn:FunctionDefinition': return parseFunction(node, id, report);
    case 'dmn:Relation': return {
      kind: 'relation',
      columns: many(node, 'column').map((c) => String(c.name)),
      rows: many(node, 'row').map((row) => many(row, 'elements').map((e) => parseBoxed(e, id, report))),
    };
    case 'dmn:List': return { kind: 'list', items: many(node, 'elements').map((e) => parseBoxed(e, id, report)) };
    case 'dmn15:Conditional': return { kind: 'conditional', condition: child(node, 'if', id, report), then: child(node, 'then', id, report), otherwise: child(node, 'else', id, report) };
    case 'dmn15:Filter': return { kind: 'filter', list: child(node, 'in', id, report), match: child(node, 'match', id, report) };
    case 'dmn15:For': case 'dmn15:Some': case 'dmn15:Every': return {
      kind: 'iterator',
      mode: node.$type === 'dmn15:For' ? 'for' : node.$type === 'dmn15:Some' ? 'some' : 'every',
      variable: String(node.iteratorVariable ?? 'item'),
      list: child(node, 'in', id, report),
      body: child(node, node.$type === 'dmn15:For' ? 'return' : 'satisfies', id, report),
    };
    default: return { kind: 'unsupported', what: `the boxed expression ${String(node?.$type).replace(/^dmn:/, '')}` };
  }
}

function child(node: ModdleElement, key: string, id: string, report: Report): BoxedExpression {
  return parseBoxed((node[key] as ModdleElement | undefined)?.value as ModdleElement | undefined, id, report);
}

/** Compiles a boxed function definition (a business knowledge model's logic). */
export function parseFunction(node: ModdleElement, id: string, report: Report): FunctionDefinition {
  return {
    kind: 'function',
    functionKind: String(node.kind ?? 'FEEL'),
    parameters: many(node, 'formalParameter').map((p) => ({ name: String(p.name), typeRef: p.typeRef as string | undefined })),
    body: node.body ? parseBoxed(node.body as ModdleElement, id, report) : undefined,
    typeRef: node.typeRef as string | undefined,
  };
}
