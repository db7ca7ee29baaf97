/** A deployed process as the dashboard lists it. */
export interface DashboardProcess {
  bpmnProcessId: string;
  name: string;
  latestVersion: number;
  activeInstances: number;
}

/** `GET /api/dashboard`: the process admin's overview (see the server's DashboardSummary). */
export interface DashboardSummary {
  generatedAt: string;
  windowDays: number;
  processes: DashboardProcess[];
  openTasksByProcess: { bpmnProcessId: string; count: number }[];
  openTasksByDealer: { dealerId: string; dealerName: string; count: number }[];
  slaBreaches: { bpmnProcessId: string; overdueOpen: number; breachedInWindow: number }[];
  cycleTimes: { bpmnProcessId: string; completed: number; medianMs: number; p90Ms: number }[];
  throughput: { day: string; started: number; completed: number }[];
}
