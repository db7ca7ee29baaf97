import type { ModdleElement } from 'bpmn-moddle';
import type { LintRule } from '../Reporter';
import { extensionOf, isFilled } from '../extensionOf';

/** Options of the service-task-type rule. */
export interface ServiceTaskTypeOptions {
  /** The task types of the registered plugins; when given, a static type must be one of them. */
  pluginTypes?: readonly string[];
}

/** Script and business rule tasks run in the engine when they carry a script or a decision; else they are jobs too. */
function runsInEngine(node: ModdleElement): boolean {
  if (node.$instanceOf('bpmn:ScriptTask')) return extensionOf(node, 'zeebe:Script') !== undefined;
  if (node.$instanceOf('bpmn:BusinessRuleTask')) return extensionOf(node, 'zeebe:CalledDecision') !== undefined;
  return false;
}

/** Every service, send, script and business rule task that runs as a job names a job type, and a plugin handles it. */
export function serviceTaskType(options: ServiceTaskTypeOptions = {}): LintRule {
  const known = options.pluginTypes ? new Set(options.pluginTypes) : undefined;
  return {
    check(node, reporter) {
      if (!['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:ScriptTask', 'bpmn:BusinessRuleTask'].some((type) => node.$instanceOf(type))) return;
      if (runsInEngine(node)) return;
      const type = extensionOf(node, 'zeebe:TaskDefinition')?.get('type');
      if (!isFilled(type)) {
        reporter.report(node.id!, 'Task has no job type: set the task definition type of the plugin that does the work');
        return;
      }
      const name = (type as string).trim();
      if (known && !name.startsWith('=') && !known.has(name)) {
        reporter.report(node.id!, `Task type "${name}" is not a registered plugin (known: ${[...known].sort().join(', ') || 'none'})`);
      }
    },
  };
}
