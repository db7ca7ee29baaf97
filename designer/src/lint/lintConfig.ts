import type { ServiceTaskTypeOptions } from './rules/serviceTaskType';

/** Our rules, as bpmnlint names them (plugin `bpmnlint-plugin-dealerflow`, short name `dealerflow`). */
export const dealerflowRules = ['user-task-assignment', 'user-task-form', 'service-task-type', 'plugin-job-type', 'feel-expressions', 'timer-iso8601', 'latest-binding'] as const;

/** Ours that are advice wherever a model is linted: a job type of a customer's own worker is fine. */
const alwaysAdvice: readonly string[] = ['plugin-job-type'];

/**
 * What is linted for: `design` (the modeler, where our house rules are errors and block its
 * deploy button) or `deploy` (a deployment from any client, refused only for what cannot run).
 */
export type LintPurpose = 'design' | 'deploy';

/**
 * The rules that still block a deploy: a model they report cannot run (a job no worker can take,
 * an unreadable expression or timer, a binding other than the latest version, start events the engine cannot choose between). On a
 * deploy every other rule is advice: Camunda 8 runs models without diagram interchange, end
 * events, labels, assignments or forms.
 */
const blockingOnDeploy: readonly string[] = [
  'dealerflow/service-task-type',
  'dealerflow/feel-expressions',
  'dealerflow/timer-iso8601',
  'dealerflow/latest-binding',
  'event-based-gateway',
  'event-sub-process-typed-start-event',
  'link-event',
  'no-complex-gateway',
  'single-blank-start-event',
  'single-event-definition',
  'start-event-required',
  'sub-process-blank-start-event',
];

/**
 * bpmnlint's recommended rules that fit Zeebe models. Inclusive gateways are supported by
 * Zeebe, so that warning is off; missing labels only warn while a diagram is being drawn.
 */
export const builtInRules = {
  'ad-hoc-sub-process': 'error',
  'conditional-flows': 'error',
  'end-event-required': 'error',
  'event-based-gateway': 'error',
  'event-sub-process-typed-start-event': 'error',
  'fake-join': 'warn',
  'label-required': 'warn',
  'link-event': 'error',
  'no-bpmndi': 'error',
  'no-complex-gateway': 'error',
  'no-disconnected': 'error',
  'no-duplicate-sequence-flows': 'error',
  'no-gateway-join-fork': 'warn',
  'no-implicit-end': 'error',
  'no-implicit-split': 'error',
  'no-implicit-start': 'error',
  'no-overlapping-elements': 'warn',
  'single-blank-start-event': 'error',
  'single-event-definition': 'error',
  'start-event-required': 'error',
  'sub-process-blank-start-event': 'error',
  'superfluous-gateway': 'warn',
  'superfluous-termination': 'warn',
} as const;

/** The bpmnlint configuration we lint with; `pluginTypes` feeds the plugin-job-type rule. */
export function lintConfig(options: ServiceTaskTypeOptions = {}, purpose: LintPurpose = 'design') {
  const ours = Object.fromEntries(dealerflowRules.map((rule) => {
    const category = alwaysAdvice.includes(rule) ? 'warn' : 'error';
    return [`dealerflow/${rule}`, rule === 'plugin-job-type' ? [category, options] : category];
  }));
  // Ours first: bpmnlint reports rule by rule, and these are the findings our admins act on most.
  const rules: Record<string, string | [string, ServiceTaskTypeOptions]> = { ...ours, ...builtInRules };
  if (purpose === 'deploy') {
    for (const [rule, setting] of Object.entries(rules)) {
      if (!blockingOnDeploy.includes(rule)) rules[rule] = Array.isArray(setting) ? ['warn', setting[1]] : 'warn';
    }
  }
  return { rules };
}
