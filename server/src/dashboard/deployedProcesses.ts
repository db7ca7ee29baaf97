import type { DataSource } from 'typeorm';
import type { DashboardProcess } from './DashboardSummary';

/** Every deployed process by its latest version's name, with how many of its instances run now. */
export async function deployedProcesses(dataSource: DataSource): Promise<DashboardProcess[]> {
  const [definitions, active] = (await Promise.all([
    dataSource.query(
      `SELECT d.bpmnProcessId AS bpmnProcessId, d.name AS name, d.version AS version
         FROM process_definition d
        WHERE d.version = (SELECT MAX(v.version) FROM process_definition v WHERE v.bpmnProcessId = d.bpmnProcessId)`,
    ),
    dataSource.query(`SELECT bpmnProcessId, COUNT(*) AS n FROM process_instance WHERE state = 'active' GROUP BY bpmnProcessId`),
  ])) as [{ bpmnProcessId: string; name: string; version: number | string }[], { bpmnProcessId: string; n: number | string }[]];
  const running = new Map(active.map((row) => [row.bpmnProcessId, Number(row.n)]));
  return definitions
    .map((row) => ({ bpmnProcessId: row.bpmnProcessId, name: row.name, latestVersion: Number(row.version), activeInstances: running.get(row.bpmnProcessId) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.bpmnProcessId.localeCompare(b.bpmnProcessId));
}
