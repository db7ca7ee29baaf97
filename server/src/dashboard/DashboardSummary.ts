/** A deployed process as the dashboard lists it, with a way into its heatmap. */
export interface DashboardProcess {
  bpmnProcessId: string;
  /** The latest version's name. */
  name: string;
  latestVersion: number;
  activeInstances: number;
}

/** Open tasks of one process. */
export interface OpenTasksOfProcess {
  bpmnProcessId: string;
  count: number;
}

/** Open tasks of one dealer's cases. */
export interface OpenTasksOfDealer {
  dealerId: string;
  /** The dealer's name; its id when the dealer is not in the catalog. */
  dealerName: string;
  count: number;
}

/** Tasks past their due date, per process. */
export interface SlaBreaches {
  bpmnProcessId: string;
  /** Open now and past due, however long ago. */
  overdueOpen: number;
  /** Due within the window and not finished by then (still open, or ended late). */
  breachedInWindow: number;
}

/** How long the instances of one process that completed within the window took. */
export interface CycleTime {
  bpmnProcessId: string;
  completed: number;
  /** Nearest-rank median, in milliseconds. */
  medianMs: number;
  /** Nearest-rank 90th percentile, in milliseconds. */
  p90Ms: number;
}

/** Instances started and completed on one day (UTC). */
export interface ThroughputDay {
  /** `YYYY-MM-DD`. */
  day: string;
  started: number;
  completed: number;
}

/** `GET /api/dashboard`: the process admin's overview. */
export interface DashboardSummary {
  generatedAt: string;
  /** The days the time-bound figures look back over. */
  windowDays: number;
  processes: DashboardProcess[];
  openTasksByProcess: OpenTasksOfProcess[];
  openTasksByDealer: OpenTasksOfDealer[];
  slaBreaches: SlaBreaches[];
  cycleTimes: CycleTime[];
  /** One entry per day of the window, oldest first, today last. */
  throughput: ThroughputDay[];
}
