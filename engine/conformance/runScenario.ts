import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstanceDetails, Job, UserTask } from '../src/port';
import type { ConformanceDriver, Scenario, ScenarioStep } from './Scenario';

/** The fixture directory. */
export const FIXTURES = join(__dirname, 'fixtures');

/** What a scenario run produced, for the test to compare with the expectation. */
export interface ScenarioResult {
  instance: InstanceDetails;
  path: string[];
  openTasks: UserTask[];
}

/** Runs a scenario against an engine and returns the final state (assertions are the caller's). */
export async function runScenario(driver: ConformanceDriver, scenario: Scenario): Promise<ScenarioResult> {
  const { engine } = driver;
  await engine.deploy(scenario.fixtures.map((f) => ({ name: f, content: readFileSync(join(FIXTURES, f), 'utf8') })));
  let key = '';
  const settle = async () => driver.settle?.();
  const tasks = async () => (key ? await engine.searchUserTasks({ processInstanceKey: key, state: 'CREATED' }) : []);
  const jobOf = async (type: string, timeout = 30_000): Promise<Job> => {
    const jobs = await engine.activateJobs({ type, maxJobsToActivate: 100, timeout, worker: 'conformance' });
    const mine = jobs.find((j) => j.processInstanceKey === key || key === '');
    if (!mine) throw new Error(`no activatable job of type ${type} for instance ${key}`);
    return mine;
  };
  const run = async (step: ScenarioStep): Promise<void> => {
    if ('start' in step) key = (await engine.createInstance(step.start, step.variables ?? {})).processInstanceKey;
    else if ('completeTask' in step) {
      // a called process's tasks belong to the child instance: fall back to the newest task of that element
      const task = (await tasks()).find((t) => t.elementId === step.completeTask) ??
        (await engine.searchUserTasks({ elementId: step.completeTask, state: 'CREATED' })).sort((a, b) => (BigInt(a.key) < BigInt(b.key) ? 1 : -1))[0];
      if (!task) throw new Error(`no open task ${step.completeTask}`);
      await engine.completeUserTask(task.key, step.variables ?? {});
    } else if ('assignTask' in step) {
      const task = (await tasks()).find((t) => t.elementId === step.assignTask);
      await engine.assignUserTask(task?.key ?? 'missing', step.assignee);
    } else if ('publish' in step) {
      await engine.publishMessage({ name: step.publish, correlationKey: step.correlationKey, variables: step.variables, timeToLive: step.timeToLive, messageId: step.messageId });
    } else if ('advance' in step) await driver.advanceTime(step.advance);
    else if ('completeJob' in step) await engine.completeJob((await jobOf(step.completeJob)).key, step.variables ?? {});
    else if ('failJob' in step) await engine.failJob((await jobOf(step.failJob)).key, { retries: step.retries, retryBackOff: step.retryBackOff, errorMessage: step.errorMessage });
    else if ('throwError' in step) await engine.throwJobError((await jobOf(step.throwError)).key, { errorCode: step.errorCode, variables: step.variables });
    else if ('activateJob' in step) await jobOf(step.activateJob, step.timeout);
    else if ('updateRetries' in step) {
      const incident = (await engine.getInstance(key)).incidents.find((i) => i.jobKey);
      await engine.updateJobRetries(incident?.jobKey ?? 'missing', step.retries);
    } else if ('resolveIncidents' in step) {
      for (const incident of (await engine.getInstance(key)).incidents) await engine.resolveIncident(incident.key);
    } else if ('cancel' in step) await engine.cancelInstance(key);
    else if ('expectTasks' in step) {
      const open = (await tasks()).map((t) => t.elementId).sort();
      if (JSON.stringify(open) !== JSON.stringify([...step.expectTasks].sort())) throw new Error(`expected open tasks ${step.expectTasks.join(',')}, got ${open.join(',')}`);
    } else if ('expectError' in step) {
      let code: string | undefined;
      try {
        await run(step.expectError);
      } catch (e) {
        code = (e as { code?: string }).code ?? 'THROWN';
      }
      if (code !== step.code) throw new Error(`expected error ${step.code}, got ${code ?? 'success'}`);
    }
    await settle();
  };
  for (const step of scenario.steps) await run(step);
  const instance = await engine.getInstance(key);
  const path = instance.history.filter((h) => h.state === 'COMPLETED' && h.elementId !== instance.bpmnProcessId).map((h) => h.elementId);
  return { instance, path, openTasks: await tasks() };
}
