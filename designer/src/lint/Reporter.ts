import type { ModdleElement } from 'bpmn-moddle';

/** What bpmnlint hands a rule to report a finding about an element id. */
export interface Reporter {
  report(id: string, message: string): void;
}

/** A bpmnlint rule: `check` is called for every element of the model. */
export interface LintRule {
  check(node: ModdleElement, reporter: Reporter): void;
}
