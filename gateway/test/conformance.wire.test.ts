import { diffScenario, runScenario, scenarios, type ConformanceDriver, type Scenario } from '@dealerflow/engine/conformance';
// the adapter from the same sources as the scenarios, so both see one port
import { RestClient, ZeebeEngine } from '@dealerflow/engine/src/zeebe';
import { exited, freePort, startEngineProcess, type EngineProcess } from './support/engineProcess';

/** Where every scenario's clock starts: the manual clock's epoch in the embedded drivers. */
const EPOCH = Date.parse('2026-01-01T00:00:00Z');

/**
 * Scenarios that cannot run over the wire, each with the reason. Empty: every scenario runs.
 * A name here that no scenario has fails the suite, so the list cannot go stale.
 */
const NOT_ON_THE_WIRE: Record<string, string> = {};

/** What the v2 API does not carry: user task attributes it has no field for. */
const withoutTaskAttributes = (scenario: Scenario, elementId: string, attributes: string[]): Scenario => {
  const task = { ...scenario.expect.task?.[elementId] };
  for (const a of attributes) delete task[a];
  return { ...scenario, expect: { ...scenario.expect, task: { ...scenario.expect.task, [elementId]: task } } };
};

/** Scenarios whose expectation differs over the wire, with the reason (also in docs/zeebe.md, "Conformance over the wire"). */
const ON_THE_WIRE: Record<string, { reason: string; scenario(s: Scenario): Scenario }> = {
  'user task attributes are read from zeebe extensions': {
    reason: 'a custom form key (zeebe:formDefinition formKey) is not in the API\'s user task; its formKey is the key of a deployed form',
    scenario: (s) => withoutTaskAttributes(s, 'review', ['formKey']),
  },
  'user task assignment, due date and priority as FEEL': {
    reason: 'a linked form (formId) shows as the deployed form\'s key, and the gateway deploys no forms',
    scenario: (s) => withoutTaskAttributes(s, 'approve', ['formId']),
  },
};

describe('conformance over the wire: the Zeebe adapter against the standalone engine', () => {
  let engine: EngineProcess;
  let adapter: ZeebeEngine;
  let clock: RestClient;
  let startedAt: number;
  let upAt: number;

  beforeAll(async () => {
    startedAt = Date.now();
    const [grpcPort, restPort] = [await freePort(), await freePort()];
    engine = await startEngineProcess({ ZEEBE_GRPC_PORT: String(grpcPort), ZEEBE_REST_PORT: String(restPort), ENGINE_DATABASE_URL: 'memory:' });
    adapter = new ZeebeEngine({ restAddress: `http://127.0.0.1:${restPort}`, grpcAddress: `grpc://127.0.0.1:${grpcPort}` });
    clock = new RestClient({ baseUrl: `http://127.0.0.1:${restPort}` });
    upAt = Date.now();
  });
  afterAll(async () => {
    await adapter?.close();
    if (engine) {
      engine.child.kill('SIGTERM');
      await exited(engine.child);
    }
    const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    console.log(`conformance over the wire: engine up in ${seconds(startedAt, upAt)} s, ${scenarios.length} scenarios in ${seconds(upAt, Date.now())} s`);
  });

  it('names only existing scenarios among those that do not run or differ over the wire', () => {
    const names = new Set(scenarios.map((s) => s.name));
    expect([...Object.keys(NOT_ON_THE_WIRE), ...Object.keys(ON_THE_WIRE)].filter((n) => !names.has(n))).toEqual([]);
  });

  // shown as skipped with the reason, never left out silently
  for (const [name, reason] of Object.entries(NOT_ON_THE_WIRE)) it.skip(`${name} (not over the wire: ${reason})`, () => undefined);

  const runnable = scenarios.filter((s) => !(s.name in NOT_ON_THE_WIRE));
  const titled = (s: Scenario) => (ON_THE_WIRE[s.name] ? `${s.name} (over the wire: ${ON_THE_WIRE[s.name].reason})` : s.name);
  it.each(runnable.map((s) => [titled(s), ON_THE_WIRE[s.name]?.scenario(s) ?? s] as const))('%s', async (_title, scenario) => {
    // given the engine's clock: a scenario that moves time gets it pinned at the embedded drivers' epoch and moved only by its
    // steps (PUT /v2/clock, as on a cluster with a controlled clock); any other runs on real time, a few ms between steps,
    // so that what separate steps did is dated apart, as in production
    const movesTime = scenario.steps.some((step) => 'advance' in step);
    let now = EPOCH;
    const pin = (at: number) => clock.request('PUT', '/clock', { timestamp: at });
    await (movesTime ? pin(now) : clock.request('POST', '/clock/reset'));
    const driver: ConformanceDriver = {
      engine: adapter,
      advanceTime: async (ms) => void (await pin((now += ms))),
      settle: movesTime ? undefined : () => new Promise((resolve) => setTimeout(resolve, 3)),
    };
    // when the scenario's steps run through the adapter
    const result = await runScenario(driver, scenario);
    // then the instance ends as on the embedded engine
    expect(diffScenario(scenario, result)).toEqual([]);
  });
});
