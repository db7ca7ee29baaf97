import type { IncidentType, InstanceState, ProcessEngine, Variables } from '../src/port';

/** One step of a scenario; every step acts on the scenario's instance. */
export type ScenarioStep =
  | { start: string; variables?: Variables }
  | { completeTask: string; variables?: Variables }
  | { assignTask: string; assignee?: string }
  | { publish: string; correlationKey: string; variables?: Variables; timeToLive?: number; messageId?: string }
  | { advance: number }
  | { completeJob: string; variables?: Variables }
  | { failJob: string; retries: number; retryBackOff?: number; errorMessage?: string }
  | { throwError: string; errorCode: string; variables?: Variables }
  | { activateJob: string; timeout: number }
  | { updateRetries: string; retries: number }
  | { resolveIncidents: true }
  | { cancel: true }
  | { expectTasks: string[] }
  | { expectError: ScenarioStep; code: string };

/** What the instance looks like at the end. */
export interface ScenarioExpectation {
  state: InstanceState;
  /** Element ids completed, in order (or as a multiset with anyOrder). */
  path?: string[];
  anyOrder?: boolean;
  /** A subset of the process-level variables. */
  variables?: Variables;
  /** Variables that must not exist on the process. */
  absentVariables?: string[];
  /** Element ids of the open user tasks, sorted. */
  openTasks?: string[];
  incidents?: IncidentType[];
  /** Checks of task attributes by element id. */
  task?: Record<string, Record<string, unknown>>;
}

/** A conformance scenario: a BPMN fixture, steps and the expected outcome. */
export interface Scenario {
  name: string;
  fixtures: string[];
  steps: ScenarioStep[];
  expect: ScenarioExpectation;
}

/** How the suite drives one engine implementation. */
export interface ConformanceDriver {
  engine: ProcessEngine;
  /** Moves the engine's clock and lets due timers fire. */
  advanceTime(ms: number): Promise<void>;
  /** Waits until the engine has processed what was sent (embedded: nothing to wait for). */
  settle?(): Promise<void>;
}
