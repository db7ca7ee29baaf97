import { better, closedLoop, percentile, summarize } from '../src/zeebe/closedLoop';

describe('the closed loop of bench/zeebe', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('sums a run up as items per second with its p50 and p99', () => {
    expect(summarize([10, 20, 30, 40], 2)).toEqual({ done: 4, seconds: 2, perSecond: 2, p50: 20, p99: 40 });
  });

  it('keeps the round with more per second', () => {
    const slow = summarize([1], 1);
    const fast = summarize([1, 1], 1);
    expect(better(undefined, slow)).toBe(slow);
    expect(better(slow, fast)).toBe(fast);
    expect(better(fast, slow)).toBe(fast);
  });

  it('runs every item once with at most `concurrency` in flight', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let most = 0;
    const result = await closedLoop(20, 3, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      seen.push(i);
      inFlight--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(most).toBe(3);
    expect(result.done).toBe(20);
    expect(result.p50).toBeGreaterThanOrEqual(1);
  });

  it('stops with the error of a failing item', async () => {
    await expect(closedLoop(5, 2, async (i) => {
      if (i === 3) throw new Error('item 3 failed');
    })).rejects.toThrow('item 3 failed');
  });
});
