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
