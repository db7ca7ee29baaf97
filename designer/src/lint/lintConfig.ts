import type { ServiceTaskTypeOptions } from './rules/serviceTaskType';

/** Our rules, as bpmnlint names them (plugin `bpmnlint-plugin-dealerflow`, short name `dealerflow`). */
export const dealerflowRules = ['user-task-assignment', 'user-task-form', 'service-task-type', 'feel-expressions', 'timer-iso8601'] as const;

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

/** The bpmnlint configuration we lint with; `pluginTypes` feeds the service-task-type rule. */
export function lintConfig(options: ServiceTaskTypeOptions = {}) {
  const ours = Object.fromEntries(dealerflowRules.map((rule) => [`dealerflow/${rule}`, rule === 'service-task-type' ? ['error', options] : 'error']));
  // Ours first: bpmnlint reports rule by rule, and these are the findings our admins act on most.
  return { rules: { ...ours, ...builtInRules } };
}
