import type { LintRule } from '../Reporter';
import { extensionOf, isFilled } from '../extensionOf';

/** Every user task says who works it: an assignee, candidate groups or candidate users. */
export function userTaskAssignment(): LintRule {
  return {
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:UserTask')) return;
      const assignment = extensionOf(node, 'zeebe:AssignmentDefinition');
      if (assignment && ['assignee', 'candidateGroups', 'candidateUsers'].some((name) => isFilled(assignment.get(name)))) return;
      reporter.report(node.id!, 'User task has no assignment: set an assignee, candidate groups or candidate users');
    },
  };
}
