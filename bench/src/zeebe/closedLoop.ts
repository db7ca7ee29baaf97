/** Throughput and latency of one measured run. */
export interface LoopResult {
  done: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Nearest-rank percentile `p` (0–100) of `samples`; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A run's result from its per-item latencies (ms) and its wall time. */
export function summarize(latencies: readonly number[], seconds: number): LoopResult {
  return { done: latencies.length, seconds, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** The better of two results of the same contender: more per second. */
export function better(a: LoopResult | undefined, b: LoopResult): LoopResult {
  return !a || b.perSecond > a.perSecond ? b : a;
}

/**
 * Runs `one(i)` for i = 0 … n−1 with `concurrency` in flight (a new one starts as one ends), timing
 * each; a failure stops the run with that error.
 */
export async function closedLoop(n: number, concurrency: number, one: (i: number) => Promise<unknown>): Promise<LoopResult> {
  const latencies: number[] = [];
  let next = 0;
  const begin = performance.now();
  const lane = async () => {
    while (next < n) {
      const i = next++;
      const t0 = performance.now();
      await one(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, lane));
  return summarize(latencies, (performance.now() - begin) / 1000);
}
