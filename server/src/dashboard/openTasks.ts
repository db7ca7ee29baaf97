import type { DataSource } from 'typeorm';
import type { OpenTasksOfDealer, OpenTasksOfProcess } from './DashboardSummary';

/** Open tasks per process, most first. */
export async function openTasksByProcess(dataSource: DataSource): Promise<OpenTasksOfProcess[]> {
  const rows = (await dataSource.query(
    `SELECT bpmnProcessId, COUNT(*) AS n FROM task WHERE state = 'open' GROUP BY bpmnProcessId ORDER BY n DESC, bpmnProcessId`,
  )) as { bpmnProcessId: string; n: number | string }[];
  return rows.map((row) => ({ bpmnProcessId: row.bpmnProcessId, count: Number(row.n) }));
}

/** Open tasks per dealer, most first, with the dealer's name; distributor-only work has no dealer and is left out. */
export async function openTasksByDealer(dataSource: DataSource): Promise<OpenTasksOfDealer[]> {
  const rows = (await dataSource.query(
    `SELECT t.dealerId AS dealerId, MAX(d.name) AS dealerName, COUNT(*) AS n
       FROM task t LEFT JOIN dealer d ON d.id = t.dealerId
      WHERE t.state = 'open' AND t.dealerId IS NOT NULL
      GROUP BY t.dealerId ORDER BY n DESC, t.dealerId`,
  )) as { dealerId: string; dealerName: string | null; n: number | string }[];
  return rows.map((row) => ({ dealerId: row.dealerId, dealerName: row.dealerName ?? row.dealerId, count: Number(row.n) }));
}
