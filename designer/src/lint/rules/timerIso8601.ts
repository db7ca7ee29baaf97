import type { ModdleElement } from 'bpmn-moddle';
import type { LintRule } from '../Reporter';
import { timerValueError, type TimerKind } from '../timerValueError';

const kinds: TimerKind[] = ['timeDuration', 'timeDate', 'timeCycle'];

/** Every timer has a duration, date or cycle that is valid ISO 8601 (or a FEEL expression, checked by feel-expressions). */
export function timerIso8601(): LintRule {
  return {
    check(node, reporter) {
      if (!node.$instanceOf('bpmn:Event')) return;
      const timers = ((node.eventDefinitions as ModdleElement[] | undefined) ?? []).filter((definition) => definition.$instanceOf('bpmn:TimerEventDefinition'));
      for (const timer of timers) {
        const kind = kinds.find((name) => typeof (timer.get(name) as ModdleElement | undefined)?.body === 'string');
        const value = kind ? ((timer.get(kind) as ModdleElement).body as string).trim() : '';
        if (!kind || value === '') {
          reporter.report(node.id!, 'Timer has no value: set a duration, a date or a cycle');
          continue;
        }
        if (value.startsWith('=')) continue;
        const problem = timerValueError(kind, value);
        if (problem) reporter.report(node.id!, `Timer ${kind}: ${problem}`);
      }
    },
  };
}
