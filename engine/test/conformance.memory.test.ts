import { diffScenario, runScenario, scenarios } from '../conformance';
import { EmbeddedEngine, ManualClock, MemoryStore } from '../src';

describe('conformance on the embedded engine with the in-memory store', () => {
  it('has at least 40 scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    // given a fresh engine on a manual clock
    const clock = new ManualClock();
    const engine = new EmbeddedEngine({ store: new MemoryStore(), clock, pollInterval: 0 });
    try {
      // when the scenario's steps run
      const result = await runScenario({ engine, advanceTime: async (ms) => (clock.advance(ms), void (await engine.tick())) }, scenario);
      // then the instance ends as expected
      expect(diffScenario(scenario, result)).toEqual([]);
    } finally {
      await engine.close();
    }
  });
});
