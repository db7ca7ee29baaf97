import type { ProcessEngine } from './ProcessEngine';
import type { Unsubscribe } from './events';
import type { InstanceFilter, InstanceSummary } from './search';
import type { DeployedDecision, DeployedProcess, Incident, Message, Variables } from './types';
export type { MessageCorrelation } from './types';

/** Called after a commit that may have made jobs activatable; `types` is undefined when any type may have (a sweep of back-offs and expired locks). */
export type JobsActivatableListener = (types?: ReadonlySet<string>) => void;

/** Which deployed decision to evaluate: a decision key (that version), or a decision id (its latest version). */
export interface DecisionRef {
  decisionKey?: string;
  decisionId?: string;
}

/** A decision evaluated on its own: its output, or which decision of its requirements failed and why. */
export interface DecisionEvaluation {
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
  /** Subscribes to job availability, so long polls and job streams wake without polling. */
  onJobsActivatable(listener: JobsActivatableListener): Unsubscribe;
  /** Ends an activated job's lock `timeout` ms from now (0 offers it again at once). */
  updateJobTimeout(jobKey: string, timeout: number): Promise<void>;
  /** Sets variables on a process instance, or on the element instance of a job or user task (by its key); answers a key for the command. */
  setVariables(scopeKey: string, variables: Variables, opts?: SetVariablesOptions): Promise<string>;
  /** Evaluates a deployed decision with variables; a failing evaluation answers its failure rather than rejecting. */
  evaluateDecision(ref: DecisionRef, variables: Variables): Promise<DecisionEvaluation>;
  /** The process definition behind a key. */
  processDefinition(processDefinitionKey: string): Promise<DeployedProcess>;
  /** Process instances matching a filter, by key, read from the engine's own state. */
  searchInstances(filter: InstanceFilter): Promise<InstanceSummary[]>;
  /** The open incidents, by key. */
  searchIncidents(): Promise<Incident[]>;
  /** Every deployed process definition, by key. */
  listProcessDefinitions(): Promise<DeployedProcess[]>;
  /** Every deployed decision, by key. */
  listDecisions(): Promise<DeployedDecision[]>;
  /** Pins the engine's clock at an epoch ms and fires the timers due by then; undefined returns it to real time. */
  pinClock(epochMs: number | undefined): Promise<void>;
}
