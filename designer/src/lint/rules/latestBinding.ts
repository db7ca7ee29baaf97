import type { LintRule } from '../Reporter';
import { extensionOf, isFilled } from '../extensionOf';

const BOUND: Array<[type: string, what: string]> = [['zeebe:CalledElement', 'called process'], ['zeebe:CalledDecision', 'called decision'], ['zeebe:FormDefinition', 'linked form']];

/** A called process, called decision or linked form binds its latest version: the engine runs no other binding. */
export function latestBinding(): LintRule {
  return {
    check(node, reporter) {
      for (const [type, what] of BOUND) {
        const binding = extensionOf(node, type)?.get('bindingType') as unknown;
        if (isFilled(binding) && binding !== 'latest') reporter.report(node.id!, `The ${what} is bound by "${String(binding)}": only "latest" runs here (the newest version when the step starts)`);
      }
    },
  };
}
