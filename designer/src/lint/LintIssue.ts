/** One finding of the linter, pinned to the element it is about. */
export interface LintIssue {
  /** Id of the BPMN element the finding is about. */
  id: string;
  /** The rule that reported it: `dealerflow/<name>` for ours, the bpmnlint name for the built-in ones. */
  rule: string;
  message: string;
  /** Errors block a deploy; warnings are advice. */
  category: 'error' | 'warn';
}
