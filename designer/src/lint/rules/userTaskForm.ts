import type { LintRule } from '../Reporter';
import { extensionOf, isFilled } from '../extensionOf';

/** Every user task names the form its assignee fills in. */
export function userTaskForm(): LintRule {
  return {
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:UserTask')) return;
      const form = extensionOf(node, 'zeebe:FormDefinition');
      if (form && ['formId', 'formKey', 'externalReference'].some((name) => isFilled(form.get(name)))) return;
      reporter.report(node.id!, 'User task has no form: link a form or give an external form reference');
    },
  };
}
