import type { ServableEngine, Unsubscribe } from '@dealerflow/engine';

interface Waiter {
  type: string;
  since: number;
  wake: () => void;
}

/**
 * Turns the engine's job availability into versions per job type, so a long poll or a job
 * stream can read a version, try to activate, and then wait for a newer version without
 * missing a job that appeared in between.
 */
export class JobSignal {
  private readonly versions = new Map<string, number>();
  private anyVersion = 0;
  private readonly waiters = new Set<Waiter>();
  private readonly off: Unsubscribe;

  constructor(engine: ServableEngine) {
    this.off = engine.onJobsActivatable((types) => this.notify(types));
  }

  /** The current version of a job type; it grows whenever jobs of the type may have become activatable. */
  version(type: string): number {
    return (this.versions.get(type) ?? 0) + this.anyVersion;
  }

  /** Marks types (or all, when undefined) as possibly activatable and wakes their waiters. */
  notify(types?: ReadonlySet<string>): void {
    if (types) for (const t of types) this.versions.set(t, (this.versions.get(t) ?? 0) + 1);
    else this.anyVersion++;
    for (const w of [...this.waiters]) if (this.version(w.type) !== w.since) w.wake();
  }

  /** Resolves once the type's version differs from `since`, after `ms`, or when the signal aborts. */
  wait(type: string, since: number, ms: number, signal: AbortSignal): Promise<void> {
    if (this.version(type) !== since || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => waiter.wake(), Math.max(0, ms)) : undefined;
      const onAbort = () => waiter.wake();
      const waiter: Waiter = {
        type, since,
        wake: () => {
          if (timer) clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      signal.addEventListener('abort', onAbort);
      this.waiters.add(waiter);
    });
  }

  /** Stops listening to the engine and releases every waiter. */
  close(): void {
    this.off();
    for (const w of [...this.waiters]) w.wake();
  }
}
