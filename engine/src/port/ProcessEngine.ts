import type { EngineEventType, EngineListener, Unsubscribe } from './events';
import type { ActivateJobsRequest, FailJobOptions, Job, JobHandler, JobResult, ThrowErrorOptions, Worker, WorkerOptions } from './jobs';
import type { CreateInstanceOptions, Deployment, InstanceDetails, InstanceRef, Message, MessageCorrelation, Resource, UserTask, UserTaskFilter, Variables } from './types';

/**
 * The engine port: what the rest of the product may ask of a BPMN engine. Implemented by
 * the embedded executor and by the Zeebe adapter; keys are strings (int64 in Zeebe).
 * Unknown or no longer open keys reject with NotFoundError.
 */
export interface ProcessEngine {
  /** Deploys BPMN resources; rejects with InvalidModelError and deploys nothing on any problem. */
  deploy(resources: Resource[]): Promise<Deployment>;
  /** Starts the latest (or given) version of a process with variables. */
  createInstance(bpmnProcessId: string, variables?: Variables, opts?: CreateInstanceOptions): Promise<InstanceRef>;
  /** Terminates an active instance and all it started. */
  cancelInstance(processInstanceKey: string): Promise<void>;
  /** Publishes a message: correlates it now, buffers it for its time to live; answers the message's key. Rejects with ALREADY_EXISTS while a message with the same name and id is buffered. */
  publishMessage(message: Message): Promise<string>;
  /** Correlates a message now, without buffering it; rejects with NotFoundError when no subscription or message start takes it. */
  correlateMessage(message: Message): Promise<MessageCorrelation>;

  /** Completes a created user task, merging variables into the instance; with completing listeners it answers once they all completed, and rejects with INVALID_STATE when one denies it. */
  completeUserTask(taskKey: string, variables?: Variables): Promise<void>;
  /** Sets or clears (undefined) a user task's assignee; with assigning listeners it answers once they all completed, and rejects with INVALID_STATE when one denies it. */
  assignUserTask(taskKey: string, assignee: string | undefined): Promise<void>;
  /** Lists user tasks. */
  searchUserTasks(filter: UserTaskFilter): Promise<UserTask[]>;

  /** Starts a worker that activates jobs of a type and runs the handler on each. */
  createWorker(type: string, handler: JobHandler, opts?: WorkerOptions): Worker;
  /** Activates (locks) up to maxJobsToActivate available jobs of a type. */
  activateJobs(request: ActivateJobsRequest): Promise<Job[]>;
  /** Completes an activated job; a task listener job may carry a result (denial, corrections). */
  completeJob(jobKey: string, variables?: Variables, result?: JobResult): Promise<void>;
  /** Fails a job: re-offered after retryBackOff while retries > 0, an incident otherwise. */
  failJob(jobKey: string, options: FailJobOptions): Promise<void>;
  /** Throws a BPMN error from a job: caught by a matching boundary event or an incident. */
  throwJobError(jobKey: string, options: ThrowErrorOptions): Promise<void>;
  /** Sets a job's retries (a job in an incident needs retries > 0 before resolveIncident). */
  updateJobRetries(jobKey: string, retries: number): Promise<void>;

  /** Resolves an incident: a job incident re-offers the job, others retry the element. */
  resolveIncident(incidentKey: string, opts?: ResolveIncidentOptions): Promise<void>;
  /** The state, variables, history and incidents of an instance. */
  getInstance(processInstanceKey: string): Promise<InstanceDetails>;
  /** The BPMN XML a process definition was deployed from. */
  getProcessDefinitionXml(processDefinitionKey: string): Promise<string>;

  /** Subscribes to an event type. */
  on<T extends EngineEventType>(type: T, listener: EngineListener<T>): Unsubscribe;
  /** Stops workers and timers; the state stays in the store. */
  close(): Promise<void>;
}

/** Options of resolveIncident. */
export interface ResolveIncidentOptions {
  /** Refuse (INVALID_STATE) a job incident whose job still has no retries, as Camunda does; by default the job gets one retry. */
  requireJobRetries?: boolean;
}

/** The time source of an engine; tests inject a manual clock. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}
