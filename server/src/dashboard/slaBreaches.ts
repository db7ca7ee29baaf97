import type { DataSource } from 'typeorm';
import type { SlaBreaches } from './DashboardSummary';
import { sqlDateTime } from './sqlDateTime';

/**
 * Tasks past due, per process: those open now past their due date, and those due within the
 * window (`since`, `now`] that were not done by then (still open, or ended after it, cancelled
 * ones included: they were late before they were cancelled). Processes with neither are left out.
 */
export async function slaBreaches(dataSource: DataSource, since: Date, now: Date): Promise<SlaBreaches[]> {
  // dueSort equals dueDate when there is one (a far-future day otherwise), so both scans use the state-and-due index.
  const rows = (await dataSource.query(
    `SELECT bpmnProcessId,
            SUM(CASE WHEN state = 'open' AND dueSort < ? THEN 1 ELSE 0 END) AS overdueOpen,
            SUM(CASE WHEN dueSort > ? AND dueSort <= ? AND (endedAt IS NULL OR endedAt > dueSort) THEN 1 ELSE 0 END) AS breached
       FROM task
      WHERE dueDate IS NOT NULL AND state IN ('open', 'completed', 'cancelled') AND dueSort <= ?
      GROUP BY bpmnProcessId`,
    [sqlDateTime(now), sqlDateTime(since), sqlDateTime(now), sqlDateTime(now)],
  )) as { bpmnProcessId: string; overdueOpen: number | string | null; breached: number | string | null }[];
  return rows
    .map((row) => ({ bpmnProcessId: row.bpmnProcessId, overdueOpen: Number(row.overdueOpen ?? 0), breachedInWindow: Number(row.breached ?? 0) }))
    .filter((row) => row.overdueOpen > 0 || row.breachedInWindow > 0)
    .sort((a, b) => b.overdueOpen + b.breachedInWindow - (a.overdueOpen + a.breachedInWindow) || a.bpmnProcessId.localeCompare(b.bpmnProcessId));
}
