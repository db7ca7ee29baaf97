import type { DataSource } from 'typeorm';
import type { CycleTime } from './DashboardSummary';
import { sqlDialect } from './sqlDialect';
import { sqlDateTime } from './sqlDateTime';

/**
 * Median and 90th percentile of how long instances took, per process, over those that completed
 * in (`since`, `now`]. Nearest rank: the p-th percentile of n sorted durations is the one at rank
 * ceil(p·n), found in SQL with a window function so only two rows per process leave the database.
 */
export async function cycleTimes(dataSource: DataSource, since: Date, now: Date): Promise<CycleTime[]> {
  const duration = sqlDialect(dataSource).durationMs('startedAt', 'endedAt');
  const rows = (await dataSource.query(
    `SELECT bpmnProcessId, n, rn, ms FROM (
        SELECT bpmnProcessId, ${duration} AS ms,
               ROW_NUMBER() OVER (PARTITION BY bpmnProcessId ORDER BY ${duration}, \`key\`) AS rn,
               COUNT(*) OVER (PARTITION BY bpmnProcessId) AS n
          FROM process_instance
         WHERE state = 'completed' AND endedAt > ? AND endedAt <= ?
      ) ranked
      WHERE (rn * 2 >= n AND (rn - 1) * 2 < n) OR (rn * 10 >= n * 9 AND (rn - 1) * 10 < n * 9)`,
    [sqlDateTime(since), sqlDateTime(now)],
  )) as { bpmnProcessId: string; n: number | string; rn: number | string; ms: number | string }[];
  const byProcess = new Map<string, CycleTime>();
  for (const row of rows) {
    const n = Number(row.n);
    const rank = Number(row.rn);
    const entry = byProcess.get(row.bpmnProcessId) ?? { bpmnProcessId: row.bpmnProcessId, completed: n, medianMs: 0, p90Ms: 0 };
    if (rank === Math.ceil(n / 2)) entry.medianMs = Number(row.ms);
    if (rank === Math.ceil((n * 9) / 10)) entry.p90Ms = Number(row.ms);
    byProcess.set(row.bpmnProcessId, entry);
  }
  return [...byProcess.values()].sort((a, b) => b.p90Ms - a.p90Ms || a.bpmnProcessId.localeCompare(b.bpmnProcessId));
}
