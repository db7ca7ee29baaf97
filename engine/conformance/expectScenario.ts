import type { Scenario } from './Scenario';
import type { ScenarioResult } from './runScenario';

/** Compares a run with its scenario's expectation; returns the differences (empty when it conforms). */
export function diffScenario(scenario: Scenario, result: ScenarioResult): string[] {
  const e = scenario.expect;
  const diffs: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (result.instance.state !== e.state) diffs.push(`state ${result.instance.state}, expected ${e.state}`);
  if (e.path) {
    const got = e.anyOrder ? [...result.path].sort() : result.path;
    const want = e.anyOrder ? [...e.path].sort() : e.path;
    if (!same(got, want)) diffs.push(`path [${got.join(', ')}], expected [${want.join(', ')}]`);
  }
  for (const [k, v] of Object.entries(e.variables ?? {})) {
    if (!same(result.instance.variables[k], v)) diffs.push(`variable ${k} = ${JSON.stringify(result.instance.variables[k])}, expected ${JSON.stringify(v)}`);
  }
  for (const k of e.absentVariables ?? []) if (k in result.instance.variables) diffs.push(`variable ${k} should not exist`);
  if (e.openTasks) {
    const open = result.openTasks.map((t) => t.elementId).sort();
    if (!same(open, [...e.openTasks].sort())) diffs.push(`open tasks [${open.join(', ')}], expected [${e.openTasks.join(', ')}]`);
  }
  if (e.incidents) {
    const types = result.instance.incidents.map((i) => i.type).sort();
    if (!same(types, [...e.incidents].sort())) diffs.push(`incidents [${types.join(', ')}], expected [${e.incidents.join(', ')}]`);
  }
  for (const [elementId, attrs] of Object.entries(e.task ?? {})) {
    const task = result.openTasks.find((t) => t.elementId === elementId) as unknown as Record<string, unknown> | undefined;
    if (!task) diffs.push(`no open task ${elementId}`);
    else for (const [k, v] of Object.entries(attrs)) if (!same(task[k], v)) diffs.push(`task ${elementId}.${k} = ${JSON.stringify(task[k])}, expected ${JSON.stringify(v)}`);
  }
  return diffs;
}
