/** What one start answered: created, or refused by back-pressure. */
export type StartOutcome = 'created' | 'backpressure';

/** A flow under test: starts one instance (its start time travels with it) and reports each completion with that start time. */
export interface Flow {
  start(startedAt: number): Promise<StartOutcome>;
  /** Registers the completion sink; called once before the first start. */
  onCompleted(sink: (startedAt: number) => void): void;
}

/** One stage of the ramp at a fixed start rate. */
export interface Stage {
  rate: number;
  started: number;
  backpressure: number;
  /** Instances completed during the stage. */
  completed: number;
  /** Instances completed per second during the stage. */
  completedPerSecond: number;
  /** Median start-to-complete latency of the instances completed during the stage (ms). */
  p50: number;
  /** p99 start-to-complete latency of the instances completed during the stage (ms). */
  p99: number;
}

/** The start rates tried, lowest first; high enough that neither side stops at the top rate, which would cap the ratio. */
export const DEFAULT_RATES = [50, 100, 200, 300, 500, 750, 1000, 1250, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000, 10000, 12500, 15000, 20000];

const now = () => performance.now();

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

/**
 * Raises the start rate stage by stage (the camunda-8-benchmark method) until back-pressure answers
 * appear or completions fall behind the start rate; starts are paced every 10 ms.
 */
export async function ramp(flow: Flow, opts: { rates?: number[]; stageSeconds?: number; log?: (stage: Stage) => void } = {}): Promise<Stage[]> {
  const stageMs = (opts.stageSeconds ?? 4) * 1000;
  let outstanding = 0;
  let latencies: number[] = [];
  let completed = 0;
  flow.onCompleted((startedAt) => {
    outstanding--;
    completed++;
    latencies.push(now() - startedAt);
  });
  const stages: Stage[] = [];
  for (const rate of opts.rates ?? DEFAULT_RATES) {
    latencies = [];
    completed = 0;
    let started = 0;
    let backpressure = 0;
    const begin = now();
    const pending = new Set<Promise<unknown>>();
    while (now() - begin < stageMs) {
      const due = Math.floor(((now() - begin) / 1000) * rate) - started;
      for (let i = 0; i < due; i++) {
        started++;
        outstanding++;
        const p = flow.start(now()).then((outcome) => {
          if (outcome === 'backpressure') {
            backpressure++;
            outstanding--;
          }
        });
        pending.add(p);
        void p.finally(() => pending.delete(p));
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const seconds = (now() - begin) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    const stage: Stage = { rate, started, backpressure, completed, completedPerSecond: completed / seconds, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
    stages.push(stage);
    opts.log?.(stage);
    // drain before the next stage, so each stage starts from an idle engine
    await Promise.all(pending);
    const drainUntil = now() + 20_000;
    while (outstanding > 0 && now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 20));
    if (!keptUp(stage)) break;
  }
  return stages;
}

/** Whether a stage kept up: no back-pressure answer, and at least 90 % of its start rate completed. */
export function keptUp(stage: Stage): boolean {
  return stage.backpressure === 0 && stage.completedPerSecond >= stage.rate * 0.9;
}

/** The highest stage that kept up; undefined when none did. */
export function sustained(stages: Stage[]): Stage | undefined {
  return stages.filter(keptUp).pop();
}

/** The stage with the most completions per second. */
export function best(stages: Stage[]): Stage {
  return stages.reduce((a, b) => (b.completedPerSecond > a.completedPerSecond ? b : a));
}
