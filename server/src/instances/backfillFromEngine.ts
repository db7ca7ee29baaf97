import type { ServableEngine } from '@dealerflow/engine';
import { In, type DataSource } from 'typeorm';
import { AppliedEngineEvent } from '../engine/AppliedEngineEvent';
import { caseSearchFields } from './caseSearchFields';
import { IncidentRecord } from './IncidentRecord';
import { ProcessInstanceRecord } from './ProcessInstanceRecord';

/** What the backfill asks of the engine: its instance, variable and incident searches. */
export type BackfillSource = Pick<ServableEngine, 'searchInstances' | 'searchVariables' | 'searchIncidents'>;

/** The marker row that says the instance list was backfilled from the engine once. */
const MARKER = { consumer: 'instance-backfill', eventKey: 'engine' };

const text = (value: unknown, max: number) => (typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, max) : null);

const STATE = { ACTIVE: 'active', COMPLETED: 'completed', TERMINATED: 'terminated' } as const;

/**
 * Lists the instances and open incidents an engine ran before the instance projection existed
 * (or before this server fed it), read through the engine's searches, never its tables. It runs
 * once per database: a marker row records that it did. Instances the projection already has are
 * left alone. Element statistics start from the upgrade: the engine's searches cannot replay
 * old visits. Returns how many instances it added, or null when the database was backfilled
 * before.
 */
export async function backfillFromEngine(engine: BackfillSource, dataSource: DataSource): Promise<number | null> {
  const applied = dataSource.getRepository(AppliedEngineEvent);
  if (await applied.existsBy(MARKER)) return null;
  const instances = await engine.searchInstances({});
  const known = new Set<string>();
  for (let i = 0; i < instances.length; i += 500) {
    const keys = instances.slice(i, i + 500).map((s) => s.processInstanceKey);
    for (const row of await dataSource.getRepository(ProcessInstanceRecord).find({ where: { key: In(keys) }, select: { key: true } })) known.add(row.key);
  }
  const missing = instances.filter((s) => !known.has(s.processInstanceKey));
  const incidents = (await engine.searchIncidents()).filter((incident) => !known.has(incident.processInstanceKey));
  const open = new Map<string, number>();
  for (const incident of incidents) open.set(incident.processInstanceKey, (open.get(incident.processInstanceKey) ?? 0) + 1);
  const rows: ProcessInstanceRecord[] = [];
  for (const instance of missing) {
    const variables = Object.fromEntries((await engine.searchVariables({ scopeKey: instance.processInstanceKey })).map((v) => [v.name, v.value]));
    const state = STATE[instance.state];
    rows.push(Object.assign(new ProcessInstanceRecord(), {
      key: instance.processInstanceKey,
      bpmnProcessId: instance.bpmnProcessId,
      version: instance.version,
      state,
      dealerId: text(variables.dealerId, 32),
      caseRef: text(variables.caseRef, 64),
      ...caseSearchFields(variables),
      startedAt: new Date(instance.startedAt),
      endedAt: state === 'active' ? null : new Date(instance.endedAt ?? instance.startedAt),
      openIncidents: open.get(instance.processInstanceKey) ?? 0,
    }));
  }
  await dataSource.transaction(async (manager) => {
    for (const row of rows) await manager.createQueryBuilder().insert().into(ProcessInstanceRecord).values(row).orIgnore().execute();
    for (const incident of incidents) {
      await manager.createQueryBuilder().insert().into(IncidentRecord).values({
        key: incident.key, processInstanceKey: incident.processInstanceKey, elementId: incident.elementId, type: incident.type,
        message: incident.message.slice(0, 1000), jobKey: incident.jobKey ?? null, createdAt: new Date(incident.createdAt), resolvedAt: null, retryClaimedAt: null,
      }).orIgnore().execute();
    }
    await manager.createQueryBuilder().insert().into(AppliedEngineEvent).values({ ...MARKER, appliedAt: new Date() }).orIgnore().execute();
  });
  return rows.length;
}
