import type { Variables } from './types';

/** A job for a worker: a service, send or business-rule task waiting to be worked. */
export interface Job {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  retries: number;
  /** Epoch ms when the lock ends and the job is offered again. */
  deadline: number;
  worker: string;
  /** The definition the job's instance runs, when the engine knows it. */
  processDefinitionKey?: string;
  processDefinitionVersion?: number;
  /** zeebe:taskHeaders. */
  customHeaders: Record<string, string>;
  variables: Variables;
  /** What the job is for: a BPMN element's job (the default) or a user task listener's. */
  kind?: JobKind;
  /** For a task listener job: the transition it listens to. */
  listenerEventType?: TaskListenerEventType;
  /** For a task listener job: the user task as the transition would leave it. */
  userTask?: ListenerUserTask;
}

/** What a job is for. */
export type JobKind = 'BPMN_ELEMENT' | 'TASK_LISTENER';

/** The user task transitions a task listener listens to. */
export type TaskListenerEventType = 'creating' | 'assigning' | 'updating' | 'completing' | 'canceling';

/** The user task a listener job carries (Camunda's userTask properties of an activated job). */
export interface ListenerUserTask {
  userTaskKey: string;
  /** The transition's action: create, assign, claim, complete, cancel. */
  action: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  /** The attributes the transition changes (assignee for an assignment). */
  changedAttributes: string[];
  dueDate?: string;
  followUpDate?: string;
  formKey?: string;
  priority: number;
}

/** Corrections a creating, assigning, updating or completing listener may make to its user task. */
export interface TaskCorrections {
  assignee?: string;
  dueDate?: string;
  followUpDate?: string;
  candidateUsers?: string[];
  candidateGroups?: string[];
  priority?: number;
}

/** The result of a task listener job: a denial rejects the transition; corrections change the task. */
export interface JobResult {
  denied?: boolean;
  deniedReason?: string;
  corrections?: TaskCorrections;
}

/** Options of a failure: retries left, back-off before the next offer, and why. */
export interface FailJobOptions {
  retries: number;
  retryBackOff?: number;
  errorMessage?: string;
  variables?: Variables;
}

/** Options of a thrown BPMN error. */
export interface ThrowErrorOptions {
  errorCode: string;
  errorMessage?: string;
  variables?: Variables;
}

/** Proof that a job handler acknowledged its job exactly once; only JobActions create it. */
export interface JobAcknowledgement {
  readonly __acknowledged: unique symbol;
}

/** The three ways a handler may end a job; each returns the one acknowledgement the handler must return. */
export interface JobActions {
  complete(variables?: Variables): Promise<JobAcknowledgement>;
  fail(options: FailJobOptions): Promise<JobAcknowledgement>;
  error(options: ThrowErrorOptions): Promise<JobAcknowledgement>;
}

/** A worker's handler: it must return the acknowledgement of exactly one action. */
export type JobHandler = (job: Job, actions: JobActions) => Promise<JobAcknowledgement>;

/** Options of createWorker and activateJobs. */
export interface WorkerOptions {
  /** Lock time in ms; another activation may take the job after it. Default 30 s. */
  timeout?: number;
  /** Jobs in flight at once. Default 32. */
  maxJobsActive?: number;
  /** A name shown on locked jobs. */
  worker?: string;
  /** Only these variables are fetched (all when omitted). */
  fetchVariables?: string[];
}

/** A running worker. */
export interface Worker {
  readonly type: string;
  close(): Promise<void>;
}

/** A request to activate jobs of one type. */
export interface ActivateJobsRequest extends WorkerOptions {
  type: string;
  maxJobsToActivate: number;
}
