import type { EngineEvent, JobPushTarget, UnkeyedEvent } from '../../port';
import { EngineError, keyed } from '../../port';
import type { DecisionModel } from '../dmn';
import type { ProcessModel } from '../model/ProcessModel';
import type { InstanceRecord, StoreTx, WaitItem } from '../store/EngineStore';
import { lockJob } from './jobPush';
import type { Operations } from './Operations';
import type { GlobalTaskListener, TaskOutcome } from './taskListeners';

/** What a step needs from the engine around it. */
export interface StepHost {
  nextKey(): string;
  modelFor(tx: StoreTx, definitionKey: string): Promise<ProcessModel>;
  /** The decisions of the resource that holds the latest version of a decision; undefined when none is deployed. */
  decisionsFor(tx: StoreTx, decisionId: string): Promise<Map<string, DecisionModel> | undefined>;
  /** Whether anyone listens to an event type (element events are frequent and often unheard). */
  wants(type: EngineEvent['type']): boolean;
  /** The user task listeners configured for every user task. */
  taskListeners?(): GlobalTaskListener[];
  /** A ready job stream for a new job of the type, if any. */
  pushTarget?(type: string): JobPushTarget | undefined;
  /** The runtime's operations, which its modules call through the step rather than import. */
  readonly operations: Operations;
}

/** A job locked for a job stream as it was created, handed over once the step commits. */
export interface PushedJob {
  target: JobPushTarget;
  item: WaitItem;
}

const MAX_ACTIVATIONS = 10_000;

/**
 * One engine step: a command and everything it causes until every token waits again.
 * It caches the instances it touches, collects events, and writes back at the end, all
 * inside the store transaction it was given.
 */
export class Step {
  readonly events: EngineEvent[] = [];
  readonly jobTypes = new Set<string>();
  readonly pushed: PushedJob[] = [];
  /** User task transitions that ended in this step (for commands waiting on their listeners). */
  readonly outcomes: TaskOutcome[] = [];
  private readonly touched = new Map<string, { rec: InstanceRecord; isNew: boolean }>();
  private readonly models = new Map<string, ProcessModel>();
  private activations = 0;

  constructor(readonly host: StepHost, readonly tx: StoreTx, readonly now: number) {}

  /** The runtime's operations (see Operations). */
  get ops(): Operations {
    return this.host.operations;
  }

  /** A new unique key. */
  key(): string {
    return this.host.nextKey();
  }

  /** Loads (once per step) an instance; undefined when unknown. */
  async instance(key: string): Promise<InstanceRecord | undefined> {
    const cached = this.touched.get(key);
    if (cached) return cached.rec;
    const rec = await this.tx.getInstance(key);
    if (rec) this.touched.set(key, { rec, isNew: false });
    return rec;
  }

  /** Registers a newly created instance to be inserted at the end of the step. */
  adopt(rec: InstanceRecord): void {
    this.touched.set(rec.key, { rec, isNew: true });
  }

  /** The compiled model of an instance's definition. */
  async model(rec: InstanceRecord): Promise<ProcessModel> {
    let model = this.models.get(rec.definitionKey);
    if (!model) {
      model = await this.host.modelFor(this.tx, rec.definitionKey);
      this.models.set(rec.definitionKey, model);
    }
    return model;
  }

  /** The decisions deployed with the latest version of a decision (its requirement graph). */
  decisions(decisionId: string): Promise<Map<string, DecisionModel> | undefined> {
    return this.host.decisionsFor(this.tx, decisionId);
  }

  /** Whether an event type has listeners. */
  wants(type: EngineEvent['type']): boolean {
    return this.host.wants(type);
  }

  /** Queues an event for the listeners (run before commit). */
  emit(event: UnkeyedEvent): void {
    this.events.push(keyed(event, () => this.key()));
  }

  /** Writes a new wait item. */
  async addItem(item: WaitItem): Promise<void> {
    if (item.kind === 'job') this.offerJob(item);
    await this.tx.putItem(item, true);
  }

  /** Locks a new job for a ready job stream of its type; else marks the type activatable. Task listener jobs are always activated. */
  private offerJob(item: WaitItem): void {
    const target = item.data.listener ? undefined : this.host.pushTarget?.(item.name);
    if (!target) return void this.jobTypes.add(item.name);
    lockJob(item, this.now, target.request);
    this.pushed.push({ target, item });
  }

  /** Guards against models that loop without ever waiting. */
  countActivation(): void {
    if (++this.activations > MAX_ACTIVATIONS) throw new EngineError('INVALID_STATE', `more than ${MAX_ACTIVATIONS} element activations in one step: the model loops without waiting`);
  }

  /** Writes every touched instance back. */
  async flush(): Promise<void> {
    for (const { rec, isNew } of this.touched.values()) await this.tx.putInstance(rec, isNew);
  }
}
