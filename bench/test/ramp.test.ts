import { best, keptUp, ramp, sustained, type Flow, type Stage } from '../src/gateway/ramp';

const stage = (rate: number, completedPerSecond: number, backpressure = 0): Stage =>
  ({ rate, started: rate, backpressure, completed: completedPerSecond, completedPerSecond, p50: 1, p99: 2 });

/** A flow that completes each instance at once and refuses every start after the first `accepted`, as a gateway over its bound does. */
function flowRefusingAfter(accepted: number): Flow {
  let sink: (startedAt: number) => void = () => undefined;
  let started = 0;
  return {
    onCompleted: (s) => (sink = s),
    start: async (startedAt) => {
      if (++started > accepted) return 'backpressure';
      setImmediate(() => sink(startedAt));
      return 'created';
    },
  };
}

describe('the ramp of bench/gateway', () => {
  it('counts a stage as kept up with no back-pressure and at least 90 % of its rate completed', () => {
    expect(keptUp(stage(100, 90))).toBe(true);
    expect(keptUp(stage(100, 89))).toBe(false);
    expect(keptUp(stage(100, 100, 1))).toBe(false);
  });

  it('names the highest stage that kept up apart from the best one', () => {
    const stages = [stage(100, 100), stage(200, 199), stage(400, 250)];
    expect(sustained(stages)?.rate).toBe(200);
    expect(best(stages).rate).toBe(400);
    expect(sustained([stage(100, 10)])).toBeUndefined();
  });

  it('raises the rate until the flow refuses starts, and stops there', async () => {
    // 50 and 100 starts in the first two stages, so the third passes the 200th
    const stages = await ramp(flowRefusingAfter(200), { rates: [50, 100, 400, 800], stageSeconds: 1 });
    expect(stages.map((s) => s.rate)).toEqual([50, 100, 400]);
    expect(stages[2].backpressure).toBeGreaterThan(0);
    expect(sustained(stages)?.rate).toBe(100);
  });
});
