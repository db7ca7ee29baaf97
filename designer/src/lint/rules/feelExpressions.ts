import type { ModdleElement } from 'bpmn-moddle';
import type { LintRule } from '../Reporter';
import { feelSyntaxError } from '../feelSyntaxError';

/** A string in the model that may hold a FEEL expression, and where it sits (for the message). */
interface Candidate {
  where: string;
  value: string;
}

// Header and property values are passed to the job as they are, never evaluated.
const staticTypes = ['zeebe:Header', 'zeebe:Property'];

function isOwnElement(value: ModdleElement): boolean {
  return value.$instanceOf('bpmn:FlowElement') || value.$instanceOf('bpmn:RootElement');
}

/** The strings of `element` and of its non-element children (extensions, conditions, timers, loops). */
function candidatesOf(element: ModdleElement, where: string, out: Candidate[]): Candidate[] {
  const zeebe = element.$type.startsWith('zeebe:') && !staticTypes.includes(element.$type);
  const expression = element.$instanceOf('bpmn:Expression');
  for (const property of element.$descriptor.properties) {
    if (property.isReference) continue;
    // Read the field directly: moddle's get() would create empty lists on the element it reads.
    const value = element[property.name];
    if (typeof value === 'string') {
      if (zeebe) out.push({ where: `${element.$type}.${property.name}`, value });
      else if (expression && property.name === 'body') out.push({ where, value });
      else if (element.$instanceOf('bpmn:Message') && property.name === 'name') out.push({ where: 'message name', value });
      continue;
    }
    const children = (Array.isArray(value) ? value : [value]) as unknown[];
    for (const child of children) {
      if (child && typeof child === 'object' && '$type' in child && !isOwnElement(child as ModdleElement)) candidatesOf(child as ModdleElement, property.name, out);
    }
  }
  return out;
}

/** Every `=`-prefixed expression of an element (conditions, mappings, scripts, assignments, timers, keys...) parses as FEEL. */
export function feelExpressions(): LintRule {
  return {
    check(node, reporter) {
      if (!isOwnElement(node) || !node.id) return;
      for (const { where, value } of candidatesOf(node, node.$type, [])) {
        const text = value.trim();
        if (!text.startsWith('=')) continue;
        const problem = feelSyntaxError(text.slice(1).trimStart());
        if (problem) reporter.report(node.id, `FEEL expression in ${where} does not parse: ${problem} (${text})`);
      }
    },
  };
}
