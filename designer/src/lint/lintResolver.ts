import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import labelRequired from 'bpmnlint/rules/label-required';
import linkEvent from 'bpmnlint/rules/link-event';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';
import type { builtInRules } from './lintConfig';
import { feelExpressions } from './rules/feelExpressions';
import { pluginJobType } from './rules/pluginJobType';
import { serviceTaskType } from './rules/serviceTaskType';
import { timerIso8601 } from './rules/timerIso8601';
import { userTaskAssignment } from './rules/userTaskAssignment';
import { userTaskForm } from './rules/userTaskForm';
import { latestBinding } from './rules/latestBinding';

type RuleFactory = (config?: never) => unknown;

const builtIn: Record<keyof typeof builtInRules, RuleFactory> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-start': noImplicitStart,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-termination': superfluousTermination,
};

const ours: Record<string, RuleFactory> = {
  'user-task-assignment': userTaskAssignment,
  'user-task-form': userTaskForm,
  'service-task-type': serviceTaskType,
  'plugin-job-type': pluginJobType,
  'feel-expressions': feelExpressions,
  'timer-iso8601': timerIso8601,
  'latest-binding': latestBinding,
};

// Rules are imported statically (not looked up on disk) so the same code runs in the browser bundle and in Node.
const cache: Record<string, RuleFactory> = {
  ...Object.fromEntries(Object.entries(builtIn).map(([name, rule]) => [`rule:bpmnlint/${name}`, rule])),
  ...Object.fromEntries(Object.entries(ours).map(([name, rule]) => [`rule:bpmnlint-plugin-dealerflow/${name}`, rule])),
};

/** The bpmnlint resolver that knows the built-in rules we use and our own plugin. */
export const lintResolver = {
  resolveRule(pkg: string, rule: string): RuleFactory {
    const factory = cache[`rule:${pkg}/${rule}`];
    if (!factory) throw new Error(`unknown lint rule ${pkg}/${rule}`);
    return factory;
  },
  resolveConfig(pkg: string, config: string): never {
    throw new Error(`unknown lint config ${pkg}/${config}`);
  },
};
