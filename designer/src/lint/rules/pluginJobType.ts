import type { LintRule } from '../Reporter';
import { extensionOf, isFilled } from '../extensionOf';
import { runsAsJob, type ServiceTaskTypeOptions } from './serviceTaskType';

/**
 * A static job type that none of our plugins serves: advice, not an error. A customer's own
 * worker (any client of the gateway protocol) may serve it; until one does, its jobs wait.
 */
export function pluginJobType(options: ServiceTaskTypeOptions = {}): LintRule {
  const known = options.pluginTypes ? new Set(options.pluginTypes) : undefined;
  return {
    check(node, reporter) {
      if (!known || !runsAsJob(node)) return;
      const type = extensionOf(node, 'zeebe:TaskDefinition')?.get('type');
      if (!isFilled(type)) return;
      const name = (type as string).trim();
      if (!name.startsWith('=') && !known.has(name)) {
        reporter.report(node.id!, `Task type "${name}" is not a registered plugin (known: ${[...known].sort().join(', ') || 'none'}): its jobs wait for an external worker`);
      }
    },
  };
}
