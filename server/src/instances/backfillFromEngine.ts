import type { EntityManager } from 'typeorm';
import { caseSearchFields } from './caseSearchFields';
import { IncidentRecord } from './IncidentRecord';
import { ProcessInstanceRecord } from './ProcessInstanceRecord';

interface StoredInstance {
  key: string;
  bpmnProcessId: string;
  version: number;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  vars?: Record<string, Record<string, unknown>>;
  history?: [string, number, number][];
}

interface StoredIncident {
  key: string;
  processInstanceKey: string;
  elementId: string;
  type: string;
  message?: string;
  jobKey?: string;
  createdAt: number;
}

const text = (value: unknown, max: number) => (typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, max) : null);

/**
 * Lists the instances and open incidents the embedded engine already keeps in this database,
 * so a database that ran cases before the instance projection existed shows them too.
 * Element statistics start from the upgrade: the old history cannot tell visits apart.
 * Idempotent: rows already there are left alone. Returns how many instances the engine had.
 */
export async function backfillFromEngine(manager: EntityManager): Promise<number> {
  if (!(await manager.queryRunner?.hasTable('engine_instance'))) return 0;
  const rows = (await manager.query('SELECT data FROM engine_instance')) as { data: string }[];
  const open = new Map<string, number>();
  const incidents: IncidentRecord[] = [];
  for (const { data } of (await manager.query("SELECT data FROM engine_item WHERE kind = 'incident'")) as { data: string }[]) {
    const incident = (JSON.parse(data) as { incident: StoredIncident }).incident;
    open.set(incident.processInstanceKey, (open.get(incident.processInstanceKey) ?? 0) + 1);
    incidents.push(Object.assign(new IncidentRecord(), {
      key: incident.key, processInstanceKey: incident.processInstanceKey, elementId: incident.elementId, type: incident.type,
      message: (incident.message ?? '').slice(0, 1000), jobKey: incident.jobKey ?? null, createdAt: new Date(incident.createdAt), resolvedAt: null, retryClaimedAt: null,
    }));
  }
  for (const { data } of rows) {
    const instance = JSON.parse(data) as StoredInstance;
    const history = instance.history ?? [];
    const variables = instance.vars?.['0'] ?? {};
    const state = instance.state === 'ACTIVE' ? 'active' : instance.state === 'COMPLETED' ? 'completed' : 'terminated';
    await manager.createQueryBuilder().insert().into(ProcessInstanceRecord).values({
      key: instance.key,
      bpmnProcessId: instance.bpmnProcessId,
      version: instance.version,
      state,
      dealerId: text(variables.dealerId, 32),
      caseRef: text(variables.caseRef, 64),
      ...caseSearchFields(variables),
      startedAt: new Date(history[0]?.[2] ?? 0),
      endedAt: state === 'active' ? null : new Date(history.at(-1)?.[2] ?? 0),
      openIncidents: open.get(instance.key) ?? 0,
    }).orIgnore().execute();
  }
  for (const incident of incidents) await manager.createQueryBuilder().insert().into(IncidentRecord).values(incident).orIgnore().execute();
  return rows.length;
}
