import type { ModdleElement } from 'bpmn-moddle';
import type { LintRule } from '../Reporter';
import { extensionOf, isFilled } from '../extensionOf';

/** Options of the service-task-type rule. */
export interface ServiceTaskTypeOptions {
  /** The task types of the registered plugins; when given, a static type outside them is reported as advice. */
  pluginTypes?: readonly string[];
}

/** Script and business rule tasks run in the engine when they carry a script or a decision; else they are jobs too. */
function runsInEngine(node: ModdleElement): boolean {
  if (node.$instanceOf('bpmn:ScriptTask')) return extensionOf(node, 'zeebe:Script') !== undefined;
  if (node.$instanceOf('bpmn:BusinessRuleTask')) return extensionOf(node, 'zeebe:CalledDecision') !== undefined;
  return false;
}

/** Whether the element is a service, send, script or business rule task that runs as a job. */
export function runsAsJob(node: ModdleElement): boolean {
  return ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:ScriptTask', 'bpmn:BusinessRuleTask'].some((type) => node.$instanceOf(type)) && !runsInEngine(node);
}

/** Every task that runs as a job names a job type: without one, no worker can ever take it (whether a plugin serves it is `plugin-job-type`). */
export function serviceTaskType(): LintRule {
  return {
    check(node, reporter) {
      if (!runsAsJob(node)) return;
      if (!isFilled(extensionOf(node, 'zeebe:TaskDefinition')?.get('type'))) {
        reporter.report(node.id!, 'Task has no job type: set the task definition type of the plugin that does the work');
      }
    },
  };
}
