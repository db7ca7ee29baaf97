import type {
  ActivateJobsRequest, Clock, CreateInstanceOptions, Deployment, EngineEvent, EngineEventType, EventOf, FailJobOptions, InstanceDetails, InstanceRef,
  DecisionEvaluation, DecisionRef, DeployedDecision, DeployedProcess, FormDefinition, FormRef, StartFormLink, Job, JobResult, ResolveIncidentOptions, JobActions, JobHandler, JobPushTarget, JobsActivatableListener, Message, Resource, ServableEngine, SetVariablesOptions, ThrowErrorOptions, Unsubscribe, UserTask, UserTaskFilter, Variables, Worker, WorkerOptions, Incident, InstanceFilter, InstanceSummary, MessageCorrelation,
  ElementInstanceFilter, ElementInstanceSummary, VariableFilter, VariableSummary, InstanceModification,
} from '../port';
import { EngineError, NotFoundError } from '../port';
import { EmbeddedWorker } from './EmbeddedWorker';
import { parseDmn, type DecisionModel } from './dmn';
import { parseBpmnOffThread } from './model/parseBpmnOffThread';
import type { ProcessModel } from './model/ProcessModel';
import * as jobs from './runtime/jobCommands';
import { publishMessage } from './runtime/messages';
import { modifyInstance } from './runtime/modifyInstance';
import { broadcastSignal } from './runtime/signals';
import { DECISION_PREFIX, FORM_PREFIX, isProcessDefinition, storedDefinition } from './runtime/definitionIds';
import { parseResources, storeDeployment } from './runtime/deploy';
import { evaluateStoredDecision } from './runtime/evaluateStoredDecision';
import { instanceDetails } from './runtime/instanceDetails';
import { resolveIncident } from './runtime/resolveIncident';
import { requireJobRetries, setVariables, updateJobTimeout } from './runtime/scopeCommands';
import { searchElementInstances, searchVariables } from './runtime/searchElementInstances';
import { searchInstances } from './runtime/searchInstances';
import { startInstance } from './runtime/startInstance';
import { PushTargets } from './runtime/jobPush';
import { operationTable } from './runtime/operationTable';
import { Step, type StepHost } from './runtime/Step';
import { StepQueue } from './runtime/StepQueue';
import type { GlobalTaskListener, TaskOutcome } from './runtime/taskListeners';
import { terminateInstance } from './runtime/terminate';
import { triggerWait } from './runtime/triggers';
import * as userTasks from './runtime/userTaskCommands';
import type { DefinitionRecord, EngineStore, StoreTx } from './store/EngineStore';

/** Options of the embedded engine; `Handle` is its store's transaction handle. */
export interface EmbeddedEngineOptions<Handle = unknown> {
  store: EngineStore<Handle>;
  /** Defaults to the system clock. */
  clock?: Clock;
  /** Real-time interval (ms) of the timer and job sweep; 0 turns it off (tests call tick()). Default 1000. */
  pollInterval?: number;
  /** User task listeners for every user task (Camunda's global listeners), before the task's own unless afterNonGlobal. */
  taskListeners?: GlobalTaskListener[];
}

/**
 * A listener of the embedded engine: it runs inside the step's transaction, before commit (a
 * throw rolls the step back), and gets the store's transaction handle (a TypeORM EntityManager
 * for the SQL store) to write in it.
 */
export type StepListener<T extends EngineEventType, Handle> = (event: EventOf<T>, transaction: Handle) => void | Promise<void>;

/** A listener as the engine keeps it, whatever its event type and handle. */
type HeldListener = (event: never, transaction: never) => void | Promise<void>;

/** A stored decision version as the port lists it. */
function toDeployedDecision(d: Omit<DefinitionRecord, 'xml'>): DeployedDecision {
  return { decisionId: d.bpmnProcessId.slice(DECISION_PREFIX.length), version: d.version, decisionKey: d.key, resourceName: d.resourceName };
}

/** The in-process BPMN engine: state in a store, one transaction per step, listeners inside it. */
export class EmbeddedEngine<Handle = unknown> implements ServableEngine {
  // Handle shows only in what callers see (the options, on), so an engine over any store is an EmbeddedEngine<unknown> too.
  private readonly store: EngineStore;
  private readonly clock: Clock;
  private readonly models = new Map<string, ProcessModel>();
  /** Parsed DMN resources by the definition key of the decision that was looked up. */
  private readonly decisionGraphs = new Map<string, Map<string, DecisionModel>>();
  private readonly listeners = new Map<string, Set<HeldListener>>();
  private readonly workers = new Set<EmbeddedWorker>();
  private readonly jobWatchers = new Set<JobsActivatableListener>();
  private readonly pushTargets = new PushTargets();
  /** Commands waiting for a user task's listeners, by task key. */
  private readonly transitionWaiters = new Map<string, Array<(outcome: TaskOutcome) => void>>();
  private readonly taskListeners: GlobalTaskListener[];
  private readonly queue: StepQueue;
  private readonly keyBase = BigInt(Date.now()) * 1_000_000n;
  private keySeq = 0n;
  private pinnedAt?: number;
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(opts: EmbeddedEngineOptions<Handle>) {
    this.store = opts.store;
    this.queue = new StepQueue(opts.store);
    this.taskListeners = opts.taskListeners ?? [];
    const base = opts.clock ?? { now: () => Date.now() };
    this.clock = { now: () => this.pinnedAt ?? base.now() };
    const interval = opts.pollInterval ?? 1000;
    if (interval > 0) {
      this.timer = setInterval(() => void this.tick().catch(() => undefined), interval);
      this.timer.unref();
    }
  }

  private readonly stepHost: StepHost = {
    nextKey: () => (this.keyBase + ++this.keySeq).toString(),
    modelFor: (t, k) => this.modelFor(t, k),
    decisionsFor: (t, id) => this.decisionsFor(t, id),
    wants: (type) => (this.listeners.get(type)?.size ?? 0) > 0,
    taskListeners: () => this.taskListeners,
    pushTarget: (type) => this.pushTargets.pick(type),
    operations: operationTable,
  };

  /** Runs one step: serialized with every other step, committed (maybe with others) before it resolves. */
  private async run<T>(work: (step: Step) => Promise<T>): Promise<T> {
    if (this.closed) throw new EngineError('INVALID_STATE', 'engine is closed');
    const { value, types, outcomes, pushed } = await this.queue.run(async (tx) => {
      const step = new Step(this.stepHost, tx, this.clock.now());
      const out = await work(step);
      const pushed = await jobs.pushedJobs(step);
      await step.flush();
      await this.dispatch(step.events, tx);
      return { value: out, types: step.jobTypes, outcomes: step.outcomes, pushed };
    });
    for (const [target, locked] of pushed) if (!target.push(locked)) this.offerAgain(locked);
    for (const outcome of outcomes) {
      const waiting = this.transitionWaiters.get(outcome.taskKey);
      this.transitionWaiters.delete(outcome.taskKey);
      for (const settle of waiting ?? []) settle(outcome);
    }
    for (const w of this.workers) if (types.has(w.type)) w.poke();
    if (types.size > 0) for (const watch of this.jobWatchers) watch(types);
    return value;
  }

  private async dispatch(events: EngineEvent[], tx: StoreTx): Promise<void> {
    for (const event of events) {
      const set = this.listeners.get(event.type);
      if (set) for (const listener of set) await listener(event as never, tx.handle as never);
    }
  }

  private async decisionsFor(tx: StoreTx, decisionId: string): Promise<Map<string, DecisionModel> | undefined> {
    const def = await tx.latestDefinition(DECISION_PREFIX + decisionId);
    return def && this.decisionGraph(def);
  }

  private async decisionGraph(def: DefinitionRecord): Promise<Map<string, DecisionModel>> {
    let graph = this.decisionGraphs.get(def.key);
    if (!graph) {
      graph = new Map((await parseDmn(def.resourceName, def.xml)).decisions.map((d) => [d.decisionId, d]));
      this.decisionGraphs.set(def.key, graph);
    }
    return graph;
  }

  private async modelFor(tx: StoreTx, definitionKey: string): Promise<ProcessModel> {
    let model = this.models.get(definitionKey);
    if (!model) {
      const def = await tx.getDefinition(definitionKey);
      if (!def) throw new NotFoundError('process definition', definitionKey);
      const parsed = await parseBpmnOffThread(def.resourceName, def.xml);
      model = parsed.processes.find((p) => p.model.bpmnProcessId === def.bpmnProcessId)?.model;
      if (!model) throw new EngineError('INVALID_STATE', `stored definition ${definitionKey} no longer compiles`);
      this.models.set(definitionKey, model);
    }
    return model;
  }

  /** {@inheritDoc ProcessEngine.deploy} */
  async deploy(resources: Resource[]): Promise<Deployment> {
    const parsed = await parseResources(resources);
    return this.run((step) => storeDeployment(step, parsed, this.models));
  }

  /** {@inheritDoc ProcessEngine.createInstance} */
  async createInstance(bpmnProcessId: string, variables: Variables = {}, opts: CreateInstanceOptions = {}): Promise<InstanceRef> {
    return this.run(async (step) => {
      const def = opts.version === undefined ? await step.tx.latestDefinition(bpmnProcessId) : await step.tx.definitionByVersion(bpmnProcessId, opts.version);
      if (!def || !isProcessDefinition(def)) throw new NotFoundError('process', bpmnProcessId);
      const rec = await startInstance(step, def, variables, opts.startElementIds ? { startElementIds: opts.startElementIds } : {});
      return { processInstanceKey: rec.key, bpmnProcessId, version: def.version, processDefinitionKey: def.key };
    });
  }

  /** {@inheritDoc ProcessEngine.cancelInstance} */
  async cancelInstance(processInstanceKey: string): Promise<void> {
    return this.run(async (step) => {
      const rec = await step.instance(processInstanceKey);
      if (!rec || rec.state !== 'ACTIVE') throw new NotFoundError('process instance', processInstanceKey);
      await terminateInstance(step, rec);
    });
  }

  /** {@inheritDoc ProcessEngine.publishMessage} */
  async publishMessage(message: Message): Promise<string> {
    return this.publishMessageWithKey(message);
  }

  /** {@inheritDoc ServableEngine.publishMessageWithKey} */
  async publishMessageWithKey(message: Message): Promise<string> {
    return this.run(async (step) => (await publishMessage(step, message)).key);
  }

  /** {@inheritDoc ProcessEngine.correlateMessage} */
  async correlateMessage(message: Message): Promise<MessageCorrelation> {
    return this.run(async (step) => {
      const { key, processInstanceKey } = await publishMessage(step, { ...message, timeToLive: 0 }, 'correlate');
      if (processInstanceKey === undefined) throw new NotFoundError(`subscription for message ${message.name} with correlation key`, message.correlationKey);
      return { messageKey: key, processInstanceKey };
    });
  }

  /** {@inheritDoc ServableEngine.broadcastSignal} */
  async broadcastSignal(signalName: string, variables: Variables = {}): Promise<string> {
    return this.run((step) => broadcastSignal(step, signalName, variables));
  }

  /** {@inheritDoc ProcessEngine.completeUserTask} */
  async completeUserTask(taskKey: string, variables: Variables = {}): Promise<void> {
    return this.transition(taskKey, (step) => userTasks.completeUserTask(step, taskKey, variables));
  }

  /** {@inheritDoc ProcessEngine.assignUserTask} */
  async assignUserTask(taskKey: string, assignee: string | undefined): Promise<void> {
    return this.transition(taskKey, (step) => userTasks.assignUserTask(step, taskKey, assignee));
  }

  /** Runs a user task command and, when its listeners hold it, waits until they let it through or deny it. */
  private async transition(taskKey: string, work: (step: Step) => Promise<'done' | 'held'>): Promise<void> {
    let outcome: Promise<TaskOutcome> | undefined;
    let settle: ((o: TaskOutcome) => void) | undefined;
    try {
      await this.run(async (step) => {
        if ((await work(step)) === 'held') {
          // registered inside the step, so no listener's completion can commit before it
          outcome = new Promise<TaskOutcome>((resolve) => (settle = resolve));
          const list = this.transitionWaiters.get(taskKey) ?? [];
          this.transitionWaiters.set(taskKey, [...list, settle!]);
        }
      });
    } catch (error) {
      if (settle) this.transitionWaiters.set(taskKey, (this.transitionWaiters.get(taskKey) ?? []).filter((s) => s !== settle));
      throw error;
    }
    const ended = await outcome;
    if (ended?.rejection) throw ended.rejection;
  }

  /** {@inheritDoc ProcessEngine.searchUserTasks} */
  async searchUserTasks(filter: UserTaskFilter): Promise<UserTask[]> {
    if (filter.state && filter.state !== 'CREATED') return [];
    return this.run((step) => userTasks.searchUserTasks(step, filter));
  }

  /** {@inheritDoc ProcessEngine.createWorker} */
  createWorker(type: string, handler: JobHandler, opts: WorkerOptions = {}): Worker {
    const worker = new EmbeddedWorker(type, handler, {
      activate: (t, max, timeout, name, fetch) => this.run((step) => jobs.activateJobs(step, t, max, timeout, name, fetch)),
      actions: (job) => this.actionsFor(job),
      failed: (job, error) => this.failJob(job.key, { retries: Math.max(0, job.retries - 1), errorMessage: error instanceof Error ? error.message : String(error) }),
    }, opts);
    this.workers.add(worker);
    const close = worker.close.bind(worker);
    worker.close = async () => {
      this.workers.delete(worker);
      await close();
    };
    worker.poke();
    return worker;
  }

  private actionsFor(job: Job): JobActions {
    const ack = {} as Awaited<ReturnType<JobActions['complete']>>;
    return {
      complete: async (variables) => (await this.completeJob(job.key, variables), ack),
      fail: async (options) => (await this.failJob(job.key, options), ack),
      error: async (options) => (await this.throwJobError(job.key, options), ack),
    };
  }

  /** {@inheritDoc ProcessEngine.activateJobs} */
  async activateJobs(request: ActivateJobsRequest): Promise<Job[]> {
    return this.run((step) => jobs.activateJobs(step, request.type, request.maxJobsToActivate, request.timeout ?? 30_000, request.worker ?? 'default', request.fetchVariables));
  }

  /** {@inheritDoc ProcessEngine.completeJob} */
  async completeJob(jobKey: string, variables: Variables = {}, result?: JobResult): Promise<void> {
    return this.run((step) => jobs.completeJob(step, jobKey, variables, result));
  }

  /** {@inheritDoc ProcessEngine.failJob} */
  async failJob(jobKey: string, options: FailJobOptions): Promise<void> {
    return this.run((step) => jobs.failJob(step, jobKey, options));
  }

  /** {@inheritDoc ProcessEngine.throwJobError} */
  async throwJobError(jobKey: string, options: ThrowErrorOptions): Promise<void> {
    return this.run((step) => jobs.throwJobError(step, jobKey, options));
  }

  /** {@inheritDoc ProcessEngine.updateJobRetries} */
  async updateJobRetries(jobKey: string, retries: number): Promise<void> {
    return this.run((step) => jobs.updateJobRetries(step, jobKey, retries));
  }

  /** {@inheritDoc ServableEngine.onJobsActivatable} */
  onJobsActivatable(listener: JobsActivatableListener): Unsubscribe {
    this.jobWatchers.add(listener);
    return () => void this.jobWatchers.delete(listener);
  }

  /** {@inheritDoc ServableEngine.pushJobs} */
  pushJobs(target: JobPushTarget): Unsubscribe {
    return this.pushTargets.add(target);
  }

  /** Offers jobs again at once that were locked for a stream whose client left before they reached it. */
  private offerAgain(locked: Job[]): void {
    void this.run(async (step) => {
      // a job another command ended meanwhile is simply not there
      for (const job of locked) await updateJobTimeout(step, job.key, 0).catch(() => undefined);
    }).catch(() => undefined); // closing: their locks expire, and the next start offers them
  }

  /** {@inheritDoc ServableEngine.updateJobTimeout} */
  async updateJobTimeout(jobKey: string, timeout: number): Promise<void> {
    return this.run((step) => updateJobTimeout(step, jobKey, timeout));
  }

  /** {@inheritDoc ServableEngine.setVariables} */
  async setVariables(scopeKey: string, variables: Variables, opts: SetVariablesOptions = {}): Promise<string> {
    return this.run(async (step) => {
      await setVariables(step, scopeKey, variables, opts.local ?? false);
      return step.key();
    });
  }

  /** {@inheritDoc ServableEngine.evaluateDecision} */
  async evaluateDecision(ref: DecisionRef, variables: Variables): Promise<DecisionEvaluation> {
    return this.run(async (step) => {
      const def = await storedDefinition(step.tx, DECISION_PREFIX, 'decision', { key: ref.decisionKey, id: ref.decisionId });
      return evaluateStoredDecision(def, await this.decisionGraph(def), variables, step.key());
    });
  }

  /** {@inheritDoc ServableEngine.decisionDefinition} */
  async decisionDefinition(decisionKey: string): Promise<DeployedDecision & { xml: string }> {
    return this.run(async (step) => {
      const def = await storedDefinition(step.tx, DECISION_PREFIX, 'decision', { key: decisionKey });
      return { ...toDeployedDecision(def), xml: def.xml };
    });
  }

  /** {@inheritDoc ServableEngine.processDefinition} */
  async processDefinition(processDefinitionKey: string): Promise<DeployedProcess> {
    return this.run(async (step) => {
      const def = await step.tx.getDefinition(processDefinitionKey);
      if (!def || !isProcessDefinition(def)) throw new NotFoundError('process definition', processDefinitionKey);
      return { bpmnProcessId: def.bpmnProcessId, version: def.version, processDefinitionKey: def.key, resourceName: def.resourceName };
    });
  }

  /** {@inheritDoc ServableEngine.startFormLink} */
  async startFormLink(processDefinitionKey: string): Promise<StartFormLink | null> {
    return this.run(async (step) => {
      const def = await step.tx.getDefinition(processDefinitionKey);
      if (!def || !isProcessDefinition(def)) throw new NotFoundError('process definition', processDefinitionKey);
      return (await this.modelFor(step.tx, def.key)).startForm ?? null;
    });
  }

  /** {@inheritDoc ServableEngine.searchInstances} */
  async searchInstances(filter: InstanceFilter): Promise<InstanceSummary[]> {
    return this.run((step) => searchInstances(step.tx, filter));
  }

  /** {@inheritDoc ServableEngine.searchElementInstances} */
  async searchElementInstances(filter: ElementInstanceFilter): Promise<ElementInstanceSummary[]> {
    return this.run((step) => searchElementInstances(step, filter));
  }

  /** {@inheritDoc ServableEngine.searchVariables} */
  async searchVariables(filter: VariableFilter): Promise<VariableSummary[]> {
    return this.run((step) => searchVariables(step, filter));
  }

  /** {@inheritDoc ServableEngine.userTaskVariables} */
  async userTaskVariables(taskKey: string): Promise<VariableSummary[]> {
    return this.run((step) => userTasks.userTaskVariables(step, taskKey));
  }

  /** {@inheritDoc ServableEngine.modifyInstance} */
  async modifyInstance(processInstanceKey: string, modification: InstanceModification): Promise<void> {
    return this.run((step) => modifyInstance(step, processInstanceKey, modification));
  }

  /** {@inheritDoc ServableEngine.searchIncidents} */
  async searchIncidents(): Promise<Incident[]> {
    return this.run(async (step) => (await step.tx.findItems({ kind: 'incident' })).map((i) => i.data.incident as Incident));
  }

  /** {@inheritDoc ServableEngine.listProcessDefinitions} */
  async listProcessDefinitions(): Promise<DeployedProcess[]> {
    const defs = await this.run((step) => step.tx.listDefinitions());
    return defs.filter(isProcessDefinition).map((d) => ({ bpmnProcessId: d.bpmnProcessId, version: d.version, processDefinitionKey: d.key, resourceName: d.resourceName }));
  }

  /** {@inheritDoc ServableEngine.listDecisions} */
  async listDecisions(): Promise<DeployedDecision[]> {
    const defs = await this.run((step) => step.tx.listDefinitions());
    return defs.filter((d) => d.bpmnProcessId.startsWith(DECISION_PREFIX)).map(toDeployedDecision);
  }

  /** {@inheritDoc ServableEngine.getForm} */
  async getForm(ref: FormRef): Promise<FormDefinition> {
    return this.run(async (step) => {
      const def = await storedDefinition(step.tx, FORM_PREFIX, 'form', { key: ref.formKey, id: ref.formId });
      return { formId: def.bpmnProcessId.slice(FORM_PREFIX.length), version: def.version, formKey: def.key, resourceName: def.resourceName, schema: JSON.parse(def.xml) as Record<string, unknown> };
    });
  }

  /** {@inheritDoc ServableEngine.pinClock} */
  async pinClock(epochMs: number | undefined): Promise<void> {
    this.pinnedAt = epochMs;
    await this.tick();
  }

  /** {@inheritDoc ProcessEngine.resolveIncident} */
  async resolveIncident(incidentKey: string, opts: ResolveIncidentOptions = {}): Promise<void> {
    return this.run(async (step) => {
      if (opts.requireJobRetries) await requireJobRetries(step, incidentKey);
      await resolveIncident(step, incidentKey);
    });
  }

  /** {@inheritDoc ProcessEngine.getInstance} */
  async getInstance(processInstanceKey: string): Promise<InstanceDetails> {
    return this.run((step) => instanceDetails(step, processInstanceKey));
  }

  /** {@inheritDoc ProcessEngine.getProcessDefinitionXml} */
  async getProcessDefinitionXml(processDefinitionKey: string): Promise<string> {
    return this.run(async (step) => {
      const def = await step.tx.getDefinition(processDefinitionKey);
      if (!def || !isProcessDefinition(def)) throw new NotFoundError('process definition', processDefinitionKey);
      return def.xml;
    });
  }

  /** Fires due timers, drops expired buffered messages and wakes workers (for expired locks and back-offs). */
  async tick(): Promise<number> {
    let fired = 0;
    for (let round = 0; round < 100; round++) {
      const due = await this.run((step) => step.tx.findItems({ kind: 'timer', name: '', correlationKey: '', dueBefore: step.now, limit: 50 }));
      if (due.length === 0) break;
      for (const t of due) {
        await this.run(async (step) => {
          const current = await step.tx.getItem(t.key);
          if (current && current.dueAt !== null && current.dueAt <= step.now) await triggerWait(step, current);
        });
        fired++;
      }
    }
    await this.run(async (step) => {
      for (const b of await step.tx.findItems({ kind: 'buffer', dueBefore: step.now })) await step.tx.deleteItem(b.key);
    });
    for (const w of this.workers) w.poke();
    for (const watch of this.jobWatchers) watch();
    return fired;
  }

  /**
   * {@inheritDoc ProcessEngine.on} The listener runs inside the step's transaction and gets its
   * handle beside the event, so its writes commit (or roll back) with the step.
   */
  on<T extends EngineEventType>(type: T, listener: StepListener<T, Handle>): Unsubscribe {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    const l = listener as HeldListener;
    set.add(l);
    return () => void set.delete(l);
  }

  /** 'up' when the engine is open and its store runs a transaction (queued like any step), 'closed' after close(), else 'down'. */
  async health(): Promise<'up' | 'down' | 'closed'> {
    if (this.closed) return 'closed';
    try {
      await this.queue.run((tx) => tx.getDefinition('health-probe'));
      return this.closed ? 'closed' : 'up';
    } catch {
      return 'down';
    }
  }

  /** {@inheritDoc ProcessEngine.close} */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const w of [...this.workers]) await w.close();
    await this.queue.idle();
    this.closed = true;
    await this.store.close();
  }
}
