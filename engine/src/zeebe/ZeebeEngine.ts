import { Camunda8 } from '@camunda8/sdk';
import {
  EngineError, InvalidModelError, keyed,
  type ActivateJobsRequest, type CreateInstanceOptions, type DeployedDecision, type Deployment, type EngineEvent, type EngineEventType, type EngineListener,
  type FailJobOptions, type JobResult, type Incident, type IncidentType, type InstanceDetails, type InstanceRef, type Job,
  type JobAcknowledgement, type JobActions, type JobHandler, type Message, type MessageCorrelation, type ProcessEngine, type Resource, type ThrowErrorOptions,
  type Unsubscribe, type UnkeyedEvent, type UserTask, type UserTaskFilter, type UserTaskState, type Variables, type Worker, type WorkerOptions,
} from '../port';
import { parseBpmn } from '../embedded/model/parseBpmn';
import { historyOf, type ElementInstanceRow } from './historyOf';
import { oauthProvider, type OAuthOptions, type TokenSource } from './oauth';
import { RestClient, type RestOptions } from './rest';

/** Options of the Zeebe adapter. */
export interface ZeebeEngineOptions {
  /** Orchestration Cluster REST address without /v2, e.g. http://127.0.0.1:8080. */
  restAddress: string;
  /** gRPC gateway address, e.g. grpc://127.0.0.1:26500 (grpcs:// for TLS). */
  grpcAddress: string;
  /** Job type of the global user task listener configured on the cluster. */
  userTaskListenerType?: string;
  /** Worker name shown on locked jobs. */
  workerName?: string;
  /** REST client tuning (back-off on RESOURCE_EXHAUSTED, timeouts, headers). */
  rest?: Omit<RestOptions, 'baseUrl'>;
  /** OAuth client credentials of a secured cluster (SaaS, or Self-Managed with Identity); unset talks without authentication. */
  oauth?: OAuthOptions;
}

// Shapes of the v2 REST answers this adapter reads (keys already turned into strings).
interface RestDeployment {
  deploymentKey: string;
  deployments: {
    processDefinition?: { processDefinitionId: string; processDefinitionVersion: number; processDefinitionKey: string; resourceName: string };
    decisionDefinition?: { decisionDefinitionId: string; version: number; decisionDefinitionKey: string; decisionRequirementsKey?: string };
    decisionRequirements?: { decisionRequirementsKey: string; resourceName: string };
    form?: { formId: string; version: number; formKey: string; resourceName: string };
  }[];
}
interface RestInstance { processInstanceKey: string; processDefinitionId: string; processDefinitionVersion: number; processDefinitionKey: string; state?: string; parentProcessInstanceKey?: string }
interface RestUserTask { userTaskKey: string; processInstanceKey: string; processDefinitionId?: string; bpmnProcessId?: string; elementId: string; name?: string; state?: string; assignee?: string; candidateGroups?: string[]; candidateUsers?: string[]; formKey?: string; externalFormReference?: string; dueDate?: string; followUpDate?: string; priority?: number; creationDate?: string }
interface RestJobUserTask { userTaskKey?: string; assignee?: string; candidateGroups?: string[]; candidateUsers?: string[]; formKey?: string; dueDate?: string; followUpDate?: string; priority?: number }
interface RestJob { jobKey: string; key?: string; type: string; processInstanceKey: string; processDefinitionId: string; processDefinitionKey?: string; bpmnProcessId?: string; elementId: string; retries: number; deadline: number | string; worker: string; customHeaders?: Record<string, string>; variables?: Variables; kind?: string; listenerEventType?: string; userTask?: RestJobUserTask }
interface RestIncident { incidentKey: string; processInstanceKey: string; elementId: string; errorType: string; errorMessage?: string; jobKey?: string; creationTime?: string }
interface RestVariable { name: string; value: string }
interface Page<T> { items: T[]; page?: { endCursor?: string } }

/** How often a job stream's worker also polls for jobs the stream did not push. */
const STREAM_POLL_MS = 5_000;
/** How soon a job stream that could not be opened is tried again. */
const STREAM_RETRY_MS = 1_000;
/** Items per search page; longer answers are read page by page. */
const PAGE_LIMIT = 1000;
/** Tasks whose variables a user task search reads at once. */
const TASK_VARIABLE_READS = 8;
/** How long a task command waits for a transition its listeners hold (see taskCommand). */
const TRANSITION_WAIT_MS = 10_000;
/** Camunda's refusal of a command on a task in a transition held by its listeners. */
const HELD_BY_LISTENERS = /but it is in state '(CREATING|ASSIGNING|UPDATING)'/;
const time = (iso: string | undefined) => (iso ? Date.parse(iso) : 0);

/** The acknowledgement token handed back to workers; only this adapter's actions create it. */
const ACK = Object.freeze({}) as unknown as JobAcknowledgement;

/** Maps a Zeebe user task state (CREATED, COMPLETED, CANCELED, and transitional ones). */
function taskState(state: string | undefined): UserTaskState {
  if (state === 'COMPLETED') return 'COMPLETED';
  if (state === 'CANCELED' || state === 'CANCELING' || state === 'FAILED') return 'CANCELED';
  return 'CREATED';
}

const INCIDENT_TYPES: readonly IncidentType[] = [
  'JOB_NO_RETRIES', 'EXTRACT_VALUE_ERROR', 'CONDITION_ERROR', 'UNHANDLED_ERROR_EVENT', 'CALLED_ELEMENT_ERROR', 'IO_MAPPING_ERROR',
  'DECISION_EVALUATION_ERROR', 'TASK_LISTENER_NO_RETRIES',
];

/**
 * A Camunda incident error type as the port's. Camunda's names without a port twin read as the
 * nearest: CALLED_DECISION_ERROR (no such decision) as a decision error, the other listeners'
 * and ad-hoc jobs out of retries as a job's, and element failures the port does not name
 * (FORM_NOT_FOUND, RESOURCE_NOT_FOUND, MESSAGE_SIZE_EXCEEDED, UNKNOWN) as an element that
 * could not be entered, which resolving retries, as those do.
 */
export function incidentType(errorType: string): IncidentType {
  if ((INCIDENT_TYPES as readonly string[]).includes(errorType)) return errorType as IncidentType;
  if (errorType === 'CALLED_DECISION_ERROR') return 'DECISION_EVALUATION_ERROR';
  return errorType.endsWith('_NO_RETRIES') ? 'JOB_NO_RETRIES' : 'EXTRACT_VALUE_ERROR';
}

/**
 * The ProcessEngine port on a Zeebe / Camunda 8.9 cluster. Commands and searches go through the
 * v2 REST API (user task completion and searches exist only there); workers stream jobs over
 * gRPC. User task events come from the cluster's global user task listener (one job per
 * creating / assigning / completing / canceling), which this adapter works when someone
 * listens to userTask.* events; instance.created and instance.terminated are announced for the
 * instances this adapter creates and cancels. Keys are strings end to end.
 */
export class ZeebeEngine implements ProcessEngine {
  private readonly rest: RestClient;
  private readonly camunda: Camunda8;
  private readonly grpc: ReturnType<Camunda8['getZeebeGrpcApiClient']>;
  private readonly listeners = new Map<EngineEventType, Set<EngineListener<EngineEventType>>>();
  private readonly workers = new Set<Worker>();
  /** Per worker, how to open its job stream anew: the SDK does not reopen a stream the gateway ended. */
  private readonly streamReopeners = new Map<Worker, () => void>();
  private listenerLoop: Promise<void> | undefined;
  /** Per process definition key: what the adapter reads of each element (ElementFacts), from the deployed XML. */
  private readonly models = new Map<string, Promise<Map<string, ElementFacts>>>();
  private closed = false;
  private readonly tokens?: TokenSource;

  constructor(private readonly options: ZeebeEngineOptions) {
    // one token cache for both sides: the gRPC client asks the provider per call, the REST client per request
    const auth = options.oauth ? oauthProvider(options.oauth) : undefined;
    this.tokens = auth?.tokens;
    this.rest = new RestClient({ baseUrl: options.restAddress, ...options.rest, tokens: auth?.tokens });
    this.camunda = new Camunda8({
      ZEEBE_GRPC_ADDRESS: options.grpcAddress,
      ZEEBE_REST_ADDRESS: options.restAddress,
      CAMUNDA_AUTH_STRATEGY: auth ? 'OAUTH' : 'NONE',
      ...(auth ? { oAuthProvider: auth.provider } : {}),
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
    });
    this.grpc = this.camunda.getZeebeGrpcApiClient();
  }

  /** The headers that authenticate a request to the cluster ({} without OAuth); fetching the first token tells wrong credentials early. */
  async authorization(): Promise<Record<string, string>> {
    return (await this.tokens?.headers()) ?? {};
  }

  async deploy(resources: Resource[]): Promise<Deployment> {
    const form = new FormData();
    for (const r of resources) form.append('resources', new Blob([r.content], { type: 'application/xml' }), r.name);
    let answer: RestDeployment;
    try {
      answer = await this.rest.request<RestDeployment>('POST', '/deployments', form);
    } catch (e) {
      if (e instanceof EngineError && e.code === 'INVALID_ARGUMENT') throw new InvalidModelError([{ message: e.message }]);
      throw e;
    }
    return {
      key: answer.deploymentKey,
      processes: answer.deployments.flatMap((d) => (d.processDefinition ? [{
        bpmnProcessId: d.processDefinition.processDefinitionId,
        version: d.processDefinition.processDefinitionVersion,
        processDefinitionKey: d.processDefinition.processDefinitionKey,
        resourceName: d.processDefinition.resourceName,
      }] : [])),
      decisions: decisionsOf(answer, resources),
      forms: answer.deployments.flatMap((d) => (d.form ? [{ formId: d.form.formId, version: d.form.version, formKey: d.form.formKey, resourceName: d.form.resourceName }] : [])),
    };
  }

  async createInstance(bpmnProcessId: string, variables: Variables = {}, opts: CreateInstanceOptions = {}): Promise<InstanceRef> {
    const body = {
      processDefinitionId: bpmnProcessId, variables,
      ...(opts.version === undefined ? {} : { processDefinitionVersion: opts.version }),
      ...(opts.startElementIds?.length ? { startInstructions: opts.startElementIds.map((elementId) => ({ elementId })) } : {}),
    };
    const r = await this.rest.request<RestInstance>('POST', '/process-instances', body, { notFound: ['process', bpmnProcessId] });
    const created = { processInstanceKey: r.processInstanceKey, bpmnProcessId: r.processDefinitionId, version: r.processDefinitionVersion, processDefinitionKey: r.processDefinitionKey };
    // No listener job announces an instance: the adapter announces the ones it created, before it
    // answers, so a caller's projection knows the instance once createInstance returns.
    await this.emit(keyed({ type: 'instance.created', processInstanceKey: created.processInstanceKey, bpmnProcessId: created.bpmnProcessId, version: created.version, variables }, () => created.processInstanceKey));
    return created;
  }

  async cancelInstance(processInstanceKey: string): Promise<void> {
    // announced like a creation, when someone listens: its process id is read first (on a cluster
    // that read may not know a young instance yet; then whoever reads the instance later sees it ended)
    const listened = (this.listeners.get('instance.terminated')?.size ?? 0) > 0;
    const instance = listened ? await this.rest.request<RestInstance>('GET', `/process-instances/${processInstanceKey}`).catch(() => undefined) : undefined;
    await this.rest.request('POST', `/process-instances/${processInstanceKey}/cancellation`, {}, { notFound: ['process instance', processInstanceKey] });
    if (instance) await this.emit(keyed({ type: 'instance.terminated', processInstanceKey, bpmnProcessId: instance.processDefinitionId }, () => processInstanceKey));
  }

  async publishMessage(message: Message): Promise<string> {
    const r = await this.rest.request<{ messageKey: string }>('POST', '/messages/publication', {
      name: message.name,
      correlationKey: message.correlationKey,
      timeToLive: message.timeToLive ?? 0,
      variables: message.variables ?? {},
      ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
    });
    return r.messageKey;
  }

  async correlateMessage(message: Message): Promise<MessageCorrelation> {
    const r = await this.rest.request<{ messageKey: string; processInstanceKey: string }>('POST', '/messages/correlation', {
      name: message.name, correlationKey: message.correlationKey, variables: message.variables ?? {},
    }, { notFound: [`subscription for message ${message.name} with correlation key`, message.correlationKey] });
    return { messageKey: r.messageKey, processInstanceKey: r.processInstanceKey };
  }

  async completeUserTask(taskKey: string, variables: Variables = {}): Promise<void> {
    await this.taskCommand('POST', taskKey, 'completion', { variables });
  }

  async assignUserTask(taskKey: string, assignee: string | undefined): Promise<void> {
    if (assignee === undefined) await this.taskCommand('DELETE', taskKey, 'assignee', undefined);
    else await this.taskCommand('POST', taskKey, 'assignment', { assignee, allowOverride: true });
  }

  /**
   * A command on a user task. While the task's listeners hold a transition (its creation, or an
   * assignment whose command has already been answered), the cluster refuses other commands with
   * "… but it is in state 'ASSIGNING'": the command is sent again once the transition may have
   * ended, for up to TRANSITION_WAIT_MS; then the refusal stands.
   */
  private async taskCommand(method: string, taskKey: string, command: string, body: unknown): Promise<void> {
    const until = Date.now() + TRANSITION_WAIT_MS;
    for (let wait = 20; ; wait = Math.min(500, wait * 2)) {
      try {
        await this.rest.request(method, `/user-tasks/${taskKey}/${command}`, body, { notFound: ['user task', taskKey] });
        return;
      } catch (e) {
        if (!(e instanceof EngineError && e.code === 'INVALID_STATE' && HELD_BY_LISTENERS.test(e.message)) || Date.now() + wait > until) throw e;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  async searchUserTasks(filter: UserTaskFilter): Promise<UserTask[]> {
    const restFilter: Record<string, string> = {};
    if (filter.processInstanceKey !== undefined) restFilter.processInstanceKey = filter.processInstanceKey;
    if (filter.elementId !== undefined) restFilter.elementId = filter.elementId;
    if (filter.state !== undefined) restFilter.state = filter.state;
    const found = await this.searchAll<RestUserTask>('/user-tasks/search', { filter: restFilter });
    // the variables each task sees: one search per task, a few at a time (the task search carries
    // none); a task gone meanwhile is left out
    const seen: (Variables | undefined)[] = [];
    for (let i = 0; i < found.length; i += TASK_VARIABLE_READS) {
      seen.push(...await Promise.all(found.slice(i, i + TASK_VARIABLE_READS).map((t) => this.taskVariables(t.userTaskKey))));
    }
    return found.flatMap((t, i) => (seen[i] ? [{
      key: t.userTaskKey,
      processInstanceKey: t.processInstanceKey,
      bpmnProcessId: t.processDefinitionId ?? t.bpmnProcessId ?? '',
      elementId: t.elementId,
      name: t.name,
      state: taskState(t.state),
      assignee: t.assignee ?? undefined,
      candidateGroups: t.candidateGroups ?? [],
      candidateUsers: t.candidateUsers ?? [],
      formKey: t.formKey ?? undefined,
      externalFormReference: t.externalFormReference ?? undefined,
      dueDate: t.dueDate ?? undefined,
      followUpDate: t.followUpDate ?? undefined,
      priority: t.priority ?? 50,
      variables: seen[i],
      createdAt: time(t.creationDate),
    }] : []));
  }

  /** The variables a user task sees, whole; undefined when the task is gone. */
  private async taskVariables(userTaskKey: string): Promise<Variables | undefined> {
    try {
      const found = await this.searchAll<RestVariable>(`/user-tasks/${userTaskKey}/variables/search?truncateValues=false`, {});
      return Object.fromEntries(found.map((v) => [v.name, JSON.parse(v.value) as unknown]));
    } catch (e) {
      if (e instanceof EngineError && e.code === 'NOT_FOUND') return undefined;
      throw e;
    }
  }

  /** A gRPC streaming worker (jobs pushed as they are created, with a back-fill poll). */
  createWorker(type: string, handler: JobHandler, opts: WorkerOptions = {}): Worker {
    const open = () => this.grpc.streamJobs({
      type,
      // the SDK's poll beside the stream: what a stream missed (before it opened, or while it was down) is worked within seconds
      pollInterval: STREAM_POLL_MS,
      worker: opts.worker ?? this.options.workerName ?? 'dealerflow',
      timeout: opts.timeout ?? 30_000,
      tenantIds: ['<default>'],
      ...(opts.fetchVariables ? { fetchVariables: opts.fetchVariables } : {}),
      taskHandler: async (job) => {
        // The SDK wants back the acknowledgement of the one action the handler took.
        type SdkAck = Awaited<ReturnType<typeof job.forward>>;
        let sdkAck: SdkAck | undefined;
        const actions: JobActions = {
          complete: async (variables) => { sdkAck = await job.complete((variables ?? {}) as never); return ACK; },
          fail: async (o) => { sdkAck = await job.fail({ errorMessage: o.errorMessage ?? 'failed', retries: o.retries, retryBackOff: o.retryBackOff ?? 0 }); return ACK; },
          error: async (o) => { sdkAck = await job.error({ errorCode: o.errorCode, errorMessage: o.errorMessage ?? '', variables: (o.variables ?? {}) as never }); return ACK; },
        };
        const portJob: Job = {
          key: job.key, type: job.type, processInstanceKey: job.processInstanceKey, bpmnProcessId: job.bpmnProcessId,
          elementId: job.elementId, retries: job.retries, deadline: Number(job.deadline), worker: job.worker,
          customHeaders: { ...(job.customHeaders as Record<string, string>) }, variables: { ...(job.variables as Variables) },
        };
        try {
          await handler(portJob, actions);
        } catch (e) {
          // A throwing handler fails the job once, keeping the retry count moving down.
          if (!sdkAck) sdkAck = await job.fail({ errorMessage: e instanceof Error ? e.message : String(e), retries: Math.max(0, job.retries - 1), retryBackOff: 1_000 });
        }
        return sdkAck ?? job.forward();
      },
    });
    const closeStream = (opened: ReturnType<typeof open>) => opened.then((s) => s.close(), () => undefined);
    let stream: ReturnType<typeof open>;
    // the SDK gives up a stream whose first poll failed (the gateway down, or its channel still reconnecting): try again
    const openUntilOpen = () => {
      stream = open();
      stream.catch(() => {
        if (!this.closed && this.workers.has(worker)) setTimeout(openUntilOpen, STREAM_RETRY_MS).unref();
      });
    };
    const worker: Worker = {
      type,
      close: async () => {
        this.workers.delete(worker);
        this.streamReopeners.delete(worker);
        await closeStream(stream);
      },
    };
    this.workers.add(worker);
    openUntilOpen();
    this.streamReopeners.set(worker, () => {
      void closeStream(stream);
      openUntilOpen();
    });
    return worker;
  }

  async activateJobs(request: ActivateJobsRequest): Promise<Job[]> {
    const answer = await this.rest.request<{ jobs: RestJob[] }>('POST', '/jobs/activation', {
      type: request.type,
      worker: request.worker ?? this.options.workerName ?? 'dealerflow',
      timeout: request.timeout ?? 30_000,
      maxJobsToActivate: request.maxJobsToActivate,
      ...(request.fetchVariables ? { fetchVariable: request.fetchVariables } : {}),
      // the port activates what is there now: a negative timeout turns long polling off (0 would wait the gateway's default)
      requestTimeout: -1,
    });
    return answer.jobs.map(toPortJob);
  }

  async completeJob(jobKey: string, variables: Variables = {}, result?: JobResult): Promise<void> {
    await this.rest.request('POST', `/jobs/${jobKey}/completion`, { variables, ...(result ? { result: { type: 'userTask', ...result } } : {}) }, { notFound: ['job', jobKey] });
  }

  async failJob(jobKey: string, options: FailJobOptions): Promise<void> {
    await this.rest.request('POST', `/jobs/${jobKey}/failure`, {
      retries: options.retries,
      errorMessage: options.errorMessage ?? '',
      retryBackOff: options.retryBackOff ?? 0,
      variables: options.variables ?? {},
    }, { notFound: ['job', jobKey] });
  }

  async throwJobError(jobKey: string, options: ThrowErrorOptions): Promise<void> {
    await this.rest.request('POST', `/jobs/${jobKey}/error`, { errorCode: options.errorCode, errorMessage: options.errorMessage ?? '', variables: options.variables ?? {} }, { notFound: ['job', jobKey] });
  }

  async updateJobRetries(jobKey: string, retries: number): Promise<void> {
    await this.rest.request('PATCH', `/jobs/${jobKey}`, { changeset: { retries } }, { notFound: ['job', jobKey] });
  }

  async resolveIncident(incidentKey: string): Promise<void> {
    await this.rest.request('POST', `/incidents/${incidentKey}/resolution`, {}, { notFound: ['incident', incidentKey] });
  }

  /** Read from secondary storage: eventually consistent (the exporter writes in batches). */
  async getInstance(processInstanceKey: string): Promise<InstanceDetails> {
    const instance = await this.rest.request<RestInstance>('GET', `/process-instances/${processInstanceKey}`, undefined, { notFound: ['process instance', processInstanceKey] });
    const [variables, elements, incidents] = await Promise.all([
      // whole values: a search cuts long ones (8 KB on Camunda) unless told not to, and a cut value is no JSON
      this.searchAll<RestVariable>('/variables/search?truncateValues=false', { filter: { processInstanceKey, scopeKey: processInstanceKey } }),
      this.searchAll<ElementInstanceRow>('/element-instances/search', { filter: { processInstanceKey }, sort: [{ field: 'startDate' }] }),
      this.searchAll<RestIncident>('/incidents/search', { filter: { processInstanceKey, state: 'ACTIVE' } }),
    ]);
    // the containing subprocesses matter only to order what one millisecond left, so the model is read only when there are some
    const scoped = elements.some((e) => e.type === 'SUB_PROCESS' || e.type === 'EVENT_SUB_PROCESS' || e.type === 'AD_HOC_SUB_PROCESS');
    const facts = scoped ? await this.elementsOf(instance.processDefinitionKey, instance.processDefinitionId) : new Map<string, ElementFacts>();
    const history = historyOf(elements, (id) => facts.get(id)?.parentId);
    return {
      processInstanceKey: instance.processInstanceKey,
      bpmnProcessId: instance.processDefinitionId,
      version: instance.processDefinitionVersion,
      state: instance.state === 'COMPLETED' ? 'COMPLETED' : instance.state === 'TERMINATED' ? 'TERMINATED' : 'ACTIVE',
      variables: Object.fromEntries(variables.map((v) => [v.name, JSON.parse(v.value) as unknown])),
      history,
      incidents: incidents.map((i): Incident => ({
        key: i.incidentKey, processInstanceKey: i.processInstanceKey, elementId: i.elementId, type: incidentType(i.errorType),
        message: i.errorMessage ?? '', ...(i.jobKey ? { jobKey: i.jobKey } : {}), createdAt: time(i.creationTime),
      })),
      ...(instance.parentProcessInstanceKey ? { parentProcessInstanceKey: instance.parentProcessInstanceKey } : {}),
    };
  }

  /** The keys of the active instances that started last, newest first (at most `limit`). */
  async newestActiveInstances(limit: number): Promise<string[]> {
    const answer = await this.rest.request<Page<RestInstance>>('POST', '/process-instances/search', { filter: { state: 'ACTIVE' }, sort: [{ field: 'startDate', order: 'DESC' }], page: { limit } });
    return answer.items.map((instance) => instance.processInstanceKey);
  }

  /** Every item a search finds, page after page (one answer holds one page). */
  private async searchAll<T>(path: string, query: Record<string, unknown>): Promise<T[]> {
    const items: T[] = [];
    for (let after: string | undefined; ;) {
      const answer = await this.rest.request<Page<T>>('POST', path, { ...query, page: { limit: PAGE_LIMIT, ...(after === undefined ? {} : { after }) } });
      items.push(...answer.items);
      after = answer.page?.endCursor;
      if (answer.items.length < PAGE_LIMIT || !after) return items;
    }
  }

  /** Each element's facts in a deployed process (empty when the XML cannot be read or parsed). */
  private elementsOf(processDefinitionKey: string, bpmnProcessId: string): Promise<Map<string, ElementFacts>> {
    let found = this.models.get(processDefinitionKey);
    if (!found) {
      found = (async () => {
        const { processes } = await parseBpmn(`${bpmnProcessId}.bpmn`, await this.getProcessDefinitionXml(processDefinitionKey));
        const model = processes.find((p) => p.model.bpmnProcessId === bpmnProcessId)?.model;
        return new Map([...(model?.elements.values() ?? [])].map((e): [string, ElementFacts] => [e.id, {
          name: e.name, parentId: e.parentId, formId: e.userTask?.formId, externalFormReference: e.userTask?.externalReference,
        }]));
      })().catch(() => {
        this.models.delete(processDefinitionKey);
        return new Map<string, ElementFacts>();
      });
      this.models.set(processDefinitionKey, found);
    }
    return found;
  }

  async getProcessDefinitionXml(processDefinitionKey: string): Promise<string> {
    return this.rest.request<string>('GET', `/process-definitions/${processDefinitionKey}/xml`, undefined, { notFound: ['process definition', processDefinitionKey], raw: true });
  }

  on<T extends EngineEventType>(type: T, listener: EngineListener<T>): Unsubscribe {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as unknown as EngineListener<EngineEventType>);
    if (type.startsWith('userTask.')) this.startUserTaskListenerLoop();
    return () => void set.delete(listener as unknown as EngineListener<EngineEventType>);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.workers].map((w) => w.close()));
    await this.listenerLoop;
    await this.grpc.close();
  }

  private async emit(event: EngineEvent): Promise<void> {
    for (const listener of this.listeners.get(event.type) ?? []) await listener(event as never);
  }

  /** What a listener job does not carry of its task (the name, a linked form's id or an external form): read from its deployed model. */
  private async modelled(job: RestJob): Promise<ElementFacts> {
    if (!job.userTask || !job.processDefinitionKey) return {};
    return (await this.elementsOf(job.processDefinitionKey, job.processDefinitionId)).get(job.elementId) ?? {};
  }

  /**
   * Works the global user task listener's jobs: each one announces a lifecycle transition
   * that the cluster holds until the job completes. Listeners run first, so a listener that
   * throws leaves the job to time out and be offered again (at-least-once delivery).
   * REST activation is used because only it carries the job's userTask and listenerEventType.
   */
  private startUserTaskListenerLoop(): void {
    if (this.listenerLoop) return;
    const type = this.options.userTaskListenerType ?? 'dealerflow-user-task-events';
    this.listenerLoop = (async () => {
      let backOff = 100;
      while (!this.closed) {
        try {
          const answer = await this.rest.request<{ jobs: RestJob[] }>('POST', '/jobs/activation', {
            type, worker: this.options.workerName ?? 'dealerflow-inbox', timeout: 30_000, maxJobsToActivate: 32, requestTimeout: 2_000,
          }, { timeout: 10_000 });
          // the gateway answers again after it failed: it may have restarted and ended every job stream
          if (backOff > 100) for (const reopen of this.streamReopeners.values()) reopen();
          backOff = 100;
          for (const job of answer.jobs) {
            const event = toUserTaskEvent(job, await this.modelled(job));
            if (event) await this.emit(event);
            await this.completeJob(job.jobKey);
          }
        } catch {
          if (this.closed) break;
          await new Promise((r) => setTimeout(r, backOff));
          backOff = Math.min(5_000, backOff * 2);
        }
      }
    })();
  }
}

/**
 * The decisions a deployment made. A decision's resource is named by its requirements graph
 * (Camunda answers one per DMN file); an answer without it names the one DMN resource deployed,
 * else the one that declares the decision's id.
 */
function decisionsOf(answer: RestDeployment, resources: Resource[]): DeployedDecision[] {
  const graphs = new Map(answer.deployments.flatMap((d) => (d.decisionRequirements ? [[d.decisionRequirements.decisionRequirementsKey, d.decisionRequirements.resourceName] as const] : [])));
  const dmn = resources.filter((r) => r.name.endsWith('.dmn'));
  const resourceOf = (decisionId: string) => (dmn.length === 1 ? dmn[0] : dmn.find((r) => r.content.includes(`id="${decisionId}"`)))?.name ?? '';
  return answer.deployments.flatMap((d) => (d.decisionDefinition ? [{
    decisionId: d.decisionDefinition.decisionDefinitionId,
    version: d.decisionDefinition.version,
    decisionKey: d.decisionDefinition.decisionDefinitionKey,
    resourceName: graphs.get(d.decisionDefinition.decisionRequirementsKey ?? '') ?? resourceOf(d.decisionDefinition.decisionDefinitionId),
  }] : []));
}

/** What the adapter reads of a deployed element: its name, containing subprocess and a user task's form. */
interface ElementFacts { name?: string; parentId?: string; formId?: string; externalFormReference?: string }

function toPortJob(j: RestJob): Job {
  return {
    // 8.8+ names them jobKey / processDefinitionId; 8.6 answered key / bpmnProcessId.
    key: j.jobKey ?? j.key, type: j.type, processInstanceKey: j.processInstanceKey, bpmnProcessId: j.processDefinitionId ?? j.bpmnProcessId, elementId: j.elementId,
    retries: j.retries, deadline: Number(j.deadline), worker: j.worker, customHeaders: j.customHeaders ?? {}, variables: j.variables ?? {},
  };
}

/** A listener job as the port's user task event. */
function toUserTaskEvent(job: RestJob, modelled: ElementFacts): EngineEvent | undefined {
  const event = toUnkeyedUserTaskEvent(job, modelled);
  // a job offered again after its deadline is the same job: its key keeps the event's key stable
  return event && keyed(event, () => job.jobKey ?? job.key);
}

function toUnkeyedUserTaskEvent(job: RestJob, { name, formId, externalFormReference }: ElementFacts): UnkeyedEvent | undefined {
  const t = job.userTask;
  if (!t?.userTaskKey) return undefined;
  const task: UserTask = {
    key: t.userTaskKey, processInstanceKey: job.processInstanceKey, bpmnProcessId: job.processDefinitionId, elementId: job.elementId,
    ...(name ? { name } : {}), ...(formId ? { formId } : {}), ...(externalFormReference ? { externalFormReference } : {}),
    state: 'CREATED', assignee: t.assignee || undefined, candidateGroups: t.candidateGroups ?? [], candidateUsers: t.candidateUsers ?? [],
    formKey: t.formKey || undefined, dueDate: t.dueDate || undefined, followUpDate: t.followUpDate || undefined, priority: t.priority ?? 50,
    variables: job.variables ?? {}, createdAt: Date.now(),
  };
  switch (job.listenerEventType) {
    case 'CREATING': return { type: 'userTask.created', task };
    case 'ASSIGNING': return { type: 'userTask.assigned', task };
    case 'COMPLETING': return { type: 'userTask.completed', task: { ...task, state: 'COMPLETED' }, variables: job.variables ?? {} };
    case 'CANCELING': return { type: 'userTask.cancelled', task: { ...task, state: 'CANCELED' } };
    default: return undefined;
  }
}

