import { status } from '@grpc/grpc-js';
import type { InstanceRef, ServableEngine, Unsubscribe, Variables } from '@dealerflow/engine';
import { GatewayError } from '../rpc/GatewayError';

const EARLY_LIMIT = 10_000;

/** How an instance ended. */
export type InstanceOutcome = { state: 'COMPLETED'; variables: Variables } | { state: 'TERMINATED' };

/** Waits for process instances to end, for CreateProcessInstanceWithResult. */
export class InstanceResults {
  private readonly waiting = new Map<string, (outcome: InstanceOutcome) => void>();
  /** Outcomes of instances that ended inside the step that created them, kept while a creation is under way. */
  private readonly early = new Map<string, InstanceOutcome>();
  private creating = 0;
  private readonly offs: Unsubscribe[];

  constructor(private readonly engine: ServableEngine) {
    this.offs = [
      engine.on('instance.completed', (e) => this.settle(e.processInstanceKey, { state: 'COMPLETED', variables: e.variables })),
      engine.on('instance.terminated', (e) => this.settle(e.processInstanceKey, { state: 'TERMINATED' })),
    ];
  }

  private settle(key: string, outcome: InstanceOutcome): void {
    const waiter = this.waiting.get(key);
    if (waiter) waiter(outcome);
    else if (this.creating > 0) {
      this.early.set(key, outcome);
      // only instances that ended inside their own creation are ever looked up, right after it: keep the newest
      if (this.early.size > EARLY_LIMIT) this.early.delete(this.early.keys().next().value!);
    }
  }

  /** Creates an instance and answers it with its outcome, or DEADLINE_EXCEEDED after `timeout` ms. */
  async createAndAwait(create: () => Promise<InstanceRef>, timeout: number, signal: AbortSignal): Promise<{ ref: InstanceRef; outcome: InstanceOutcome }> {
    this.creating++;
    let ref: InstanceRef;
    try {
      ref = await create();
    } finally {
      this.creating--;
    }
    const key = ref.processInstanceKey;
    let outcome = this.early.get(key);
    this.early.delete(key);
    if (this.creating === 0) this.early.clear();
    outcome ??= await new Promise<InstanceOutcome>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.waiting.delete(key);
      };
      const timer = setTimeout(() => (done(), reject(new GatewayError(status.DEADLINE_EXCEEDED, `Time out between gateway and broker: Request ProcessInstanceCreationWithResult timed out after ${timeout} ms`))), timeout);
      const onAbort = () => (done(), reject(new GatewayError(status.UNAVAILABLE, 'the gateway is shutting down')));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort);
      this.waiting.set(key, (o) => (done(), resolve(o)));
    });
    // listeners run inside the engine step, before its commit: a read queued after it answers only once that step is durable
    await this.engine.getInstance(key).catch(() => undefined);
    return { ref, outcome };
  }

  /** Stops listening to the engine. */
  close(): void {
    for (const off of this.offs) off();
  }
}
