import type { ModdleElement } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import type { LintIssue } from './LintIssue';
import { lintConfig, type LintPurpose } from './lintConfig';
import { lintResolver } from './lintResolver';
import type { ServiceTaskTypeOptions } from './rules/serviceTaskType';

/** Options of a lint run: the plugins' job types, and what the model is linted for (`design` unless told). */
export type LintOptions = ServiceTaskTypeOptions & { purpose?: LintPurpose };

/**
 * Lints parsed BPMN definitions (a bpmn-moddle tree with the Zeebe extension) with bpmnlint's
 * rules and ours; errors first. Reads the tree only, so it runs in Node (deploy) and in the modeler.
 */
export async function lintDefinitions(definitions: ModdleElement, options: LintOptions = {}): Promise<LintIssue[]> {
  const linter = new Linter({ resolver: lintResolver, config: lintConfig({ pluginTypes: options.pluginTypes }, options.purpose) });
  const results = await linter.lint(definitions);
  const issues = Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((report): LintIssue => ({
      id: report.id ?? String(definitions.id ?? ''),
      rule,
      message: report.message,
      category: report.category === 'warn' || report.category === 'info' ? 'warn' : 'error',
    })),
  );
  return issues.sort((a, b) => Number(a.category === 'warn') - Number(b.category === 'warn'));
}

/** Whether any issue blocks a deploy. */
export function hasLintErrors(issues: readonly LintIssue[]): boolean {
  return issues.some((issue) => issue.category === 'error');
}
