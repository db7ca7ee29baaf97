import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime } from '../common';

/** A deployed process as the dashboard lists it. */
export const DashboardProcess = Type.Object({ bpmnProcessId: Type.String(), name: Type.String(), latestVersion: Type.Integer(), activeInstances: Type.Integer() });
export type DashboardProcess = Static<typeof DashboardProcess>;

/** The process admin's overview. */
export const DashboardSummary = Type.Object({
  generatedAt: DateTime,
  /** The days the time-bound figures look back over. */
  windowDays: Type.Integer(),
  processes: Type.Array(DashboardProcess),
  openTasksByProcess: Type.Array(Type.Object({ bpmnProcessId: Type.String(), count: Type.Integer() })),
  openTasksByDealer: Type.Array(Type.Object({ dealerId: Type.String(), dealerName: Type.String(), count: Type.Integer() })),
  slaBreaches: Type.Array(Type.Object({ bpmnProcessId: Type.String(), overdueOpen: Type.Integer(), breachedInWindow: Type.Integer() })),
  cycleTimes: Type.Array(Type.Object({ bpmnProcessId: Type.String(), completed: Type.Integer(), medianMs: Type.Number(), p90Ms: Type.Number() })),
  /** One entry per day of the window, oldest first, today last. */
  throughput: Type.Array(Type.Object({ day: Type.String(), started: Type.Integer(), completed: Type.Integer() })),
});
export type DashboardSummary = Static<typeof DashboardSummary>;

export const dashboardRoutes = {
  summary: route({ method: 'GET', path: '/api/dashboard', summary: "The process admin's overview", tags: ['dashboard'], auth: 'user', responses: { 200: DashboardSummary } }),
};
