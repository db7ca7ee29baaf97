import { AsyncResource } from 'node:async_hooks';
import { setImmediate as afterIo } from 'node:timers';
import type { EngineStore, StoreTx } from '../store/EngineStore';

interface Pending {
  work: (tx: StoreTx) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Serializes engine steps. Steps queued together are committed together in one transaction
 * (group commit), each behind a savepoint so a failing step rolls back alone; every caller hears
 * of its step only after the commit.
 *
 * When commits are costly, a batch is taken only after the event loop has read what the network
 * brought (a setImmediate), so commands that arrive in the same turn — requests of a gateway, or
 * callers woken by the previous commit — share a commit instead of each paying its own.
 */
export class StepQueue {
  private pending: Pending[] = [];
  private active = false;
  private running: Promise<void> = Promise.resolve();

  private readonly maxBatch: number;

  constructor(private readonly store: EngineStore) {
    this.maxBatch = store.groupCommit ? 64 : 1;
  }

  /**
   * Queues a step and resolves with its result once it is committed. The step runs in its
   * caller's async context (whoever drains the queue), so listeners know who caused it.
   */
  run<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // what AsyncResource.bind does, without the deprecation wrapper it builds on every call
      const scope = new AsyncResource('EngineStep');
      this.pending.push({ work: (tx) => scope.runInAsyncScope(work, undefined, tx), resolve: resolve as (v: unknown) => void, reject });
      if (!this.active) {
        this.active = true;
        this.running = this.drain();
      }
    });
  }

  /** Resolves when no step is queued or running. */
  async idle(): Promise<void> {
    while (this.active) await this.running;
  }

  private async drain(): Promise<void> {
    // `active` is cleared in the same turn as the final empty check, so a step queued after it starts a new drain
    for (;;) {
      if (this.store.groupCommit) await new Promise<void>((resolve) => afterIo(resolve));
      if (this.pending.length === 0) {
        this.active = false;
        return;
      }
      const batch = this.pending.splice(0, this.maxBatch);
      const outcomes: Outcome[] = [];
      try {
        await this.store.transaction(async (tx) => {
          if (batch.length === 1) return void outcomes.push({ ok: true, value: await batch[0].work(tx) });
          for (const p of batch) {
            try {
              outcomes.push({ ok: true, value: await tx.savepoint(() => p.work(tx)) });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        });
      } catch (error) {
        for (const p of batch) p.reject(error);
        continue;
      }
      batch.forEach((p, i) => {
        const outcome = outcomes[i];
        if (outcome.ok) p.resolve(outcome.value);
        else p.reject(outcome.error);
      });
    }
  }
}
