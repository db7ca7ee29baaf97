import type { ProcessEngine } from './ProcessEngine';
import type { Unsubscribe } from './events';
import type { ElementInstanceFilter, ElementInstanceSummary, InstanceFilter, InstanceSummary, VariableFilter, VariableSummary } from './search';
import type { ActivateJobsRequest, Job } from './jobs';
import type { DeployedDecision, DeployedProcess, FormDefinition, Incident, Message, Variables } from './types';
export type { MessageCorrelation } from './types';

/** Called after a commit that may have made jobs activatable; `types` is undefined when any type may have (a sweep of back-offs and expired locks). */
export type JobsActivatableListener = (types?: ReadonlySet<string>) => void;

/**
 * The receiving end of a job stream. A job of its type is locked for it in the very step that
 * creates the job, and handed over once that step has committed, as Zeebe pushes jobs to open streams.
 */
export interface JobPushTarget {
  /** The stream's type, worker name, lock timeout and variables to fetch. */
  readonly request: Omit<ActivateJobsRequest, 'maxJobsToActivate'>;
  /** False while it cannot take a job now (its client reads slowly); new jobs then wait to be activated. */
  ready(): boolean;
  /** Takes jobs locked for it; false when its client has left, and the engine offers them again at once. */
  push(jobs: Job[]): boolean;
}

/** Which deployed decision to evaluate: a decision key (that version), or a decision id (its latest version). */
export interface DecisionRef {
  decisionKey?: string;
  decisionId?: string;
}

/** Which deployed form to read: a form key (that version), or a form id (its latest version). */
export interface FormRef {
  formKey?: string;
  formId?: string;
}

/** How a process's start event names its form: one deployed to the engine (by id), or one embedded in the model (by key). */
export type StartFormLink = { formId: string } | { formKey: string };

/** A decision evaluated on its own: its output, or which decision of its requirements failed and why. */
export interface DecisionEvaluation {
  /** The key of this evaluation (Camunda's decision evaluation key). */
  evaluationKey: string;
  decisionKey: string;
  decisionId: string;
  decisionName: string;
  version: number;
  /** 'DECISION_TABLE' or 'LITERAL_EXPRESSION'. */
  decisionType: string;
  /** The result as a business rule task would get it; undefined when the evaluation failed. */
  output?: unknown;
  failedDecisionId?: string;
  failureMessage?: string;
}

/** Options of setVariables. */
export interface SetVariablesOptions {
  /** Set on the given scope only; otherwise each variable goes where it already exists up the scope chain, else to the process. */
  local?: boolean;
}

/**
 * What an engine offers beyond the port so that it can be served over the wire to external
 * workers and clients: job availability, lock changes, scoped variables and definition lookups.
 */
export interface ServableEngine extends ProcessEngine {
  /** Publishes a message like publishMessage and answers the message's key. */
  publishMessageWithKey(message: Message): Promise<string>;
  /** Broadcasts a signal to every open signal subscription and signal start event; answers the signal's key. */
  broadcastSignal(signalName: string, variables: Variables): Promise<string>;
  /** Subscribes to job availability, so long polls and job streams wake without polling. */
  onJobsActivatable(listener: JobsActivatableListener): Unsubscribe;
  /** Registers a job stream, so jobs of its type go to it as they are created (to one ready stream of the type, in turn). */
  pushJobs(target: JobPushTarget): Unsubscribe;
  /** Ends an activated job's lock `timeout` ms from now (0 offers it again at once). */
  updateJobTimeout(jobKey: string, timeout: number): Promise<void>;
  /** Sets variables on a process instance, or on the element instance of a job or user task (by its key); answers a key for the command. */
  setVariables(scopeKey: string, variables: Variables, opts?: SetVariablesOptions): Promise<string>;
  /** Evaluates a deployed decision with variables; a failing evaluation answers its failure rather than rejecting. */
  evaluateDecision(ref: DecisionRef, variables: Variables): Promise<DecisionEvaluation>;
  /** A deployed decision and the DMN XML it was deployed in; rejects with NOT_FOUND when the key is not a decision's. */
  decisionDefinition(decisionKey: string): Promise<DeployedDecision & { xml: string }>;
  /** The process definition behind a key. */
  processDefinition(processDefinitionKey: string): Promise<DeployedProcess>;
  /** The form the process's none start event names, or null; rejects with NOT_FOUND when the key is not a process definition's. */
  startFormLink(processDefinitionKey: string): Promise<StartFormLink | null>;
  /** Process instances matching a filter, by key, read from the engine's own state. */
  searchInstances(filter: InstanceFilter): Promise<InstanceSummary[]>;
  /** Element instances (live and ended) of the matching process instances, by process instance then activation. */
  searchElementInstances(filter: ElementInstanceFilter): Promise<ElementInstanceSummary[]>;
  /** The variables of the matching process instances: their top scopes and the local scopes of live element instances. */
  searchVariables(filter: VariableFilter): Promise<VariableSummary[]>;
  /** The variables an open user task sees, one per name, each from the innermost scope that holds it; rejects with NOT_FOUND for no such task. */
  userTaskVariables(taskKey: string): Promise<VariableSummary[]>;
  /**
   * Moves a running instance: activates elements, then terminates element instances; a flow
   * scope left empty by a termination is terminated too. Rejects with NOT_FOUND for an unknown
   * instance or element instance key, INVALID_ARGUMENT naming the element that cannot be activated.
   */
  modifyInstance(processInstanceKey: string, modification: InstanceModification): Promise<void>;
  /** The open incidents, by key. */
  searchIncidents(): Promise<Incident[]>;
  /** Every deployed process definition, by key. */
  listProcessDefinitions(): Promise<DeployedProcess[]>;
  /** Every deployed decision, by key. */
  listDecisions(): Promise<DeployedDecision[]>;
  /** A deployed form with its document; rejects with NOT_FOUND for no such form. */
  getForm(ref: FormRef): Promise<FormDefinition>;
  /** Pins the engine's clock at an epoch ms and fires the timers due by then; undefined returns it to real time. */
  pinClock(epochMs: number | undefined): Promise<void>;
}

/** Activates an element of a running instance (ModifyProcessInstance). */
export interface ActivateInstruction {
  elementId: string;
  /** The element instance to activate it under; by default its flow scope's only live instance, created when there is none. */
  ancestorElementInstanceKey?: string;
  /** Variables to set first: scopeId '' is the process, else the activated element or one of its containing subprocesses. */
  variables?: Array<{ scopeId: string; variables: Variables }>;
}

/** How a running instance is moved: elements activated, then element instances terminated. */
export interface InstanceModification {
  activate: ActivateInstruction[];
  /** Element instance keys to terminate, with everything inside them. */
  terminate: string[];
}
