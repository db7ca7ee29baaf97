import type { ElementActivatedEvent, ElementCompletedEvent, Incident, InstanceCreatedEvent } from '@dealerflow/engine';
import { Brackets, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { caseSearchFields } from './caseSearchFields';
import { ElementStatistic } from './ElementStatistic';
import { ElementVisit } from './ElementVisit';
import { IncidentRecord } from './IncidentRecord';
import { ProcessInstanceRecord, type InstanceListState } from './ProcessInstanceRecord';

/**
 * Adds one entry to an element's statistic in a single upsert. An insert-if-missing followed
 * by an update deadlocks on MariaDB when two steps count the same element at once (both hold
 * the shared lock of the duplicate key and wait for the exclusive one).
 */
async function countEntry(manager: EntityManager, statistic: { bpmnProcessId: string; version: number; elementId: string }): Promise<void> {
  const values = [statistic.bpmnProcessId, statistic.version, statistic.elementId];
  const insert = 'INSERT INTO process_element_stats (bpmnProcessId, version, elementId, entered, completed, totalDurationMs) VALUES (?, ?, ?, 1, 0, 0)';
  const sqlite = manager.connection.options.type === 'better-sqlite3';
  await manager.query(sqlite ? `${insert} ON CONFLICT (bpmnProcessId, version, elementId) DO UPDATE SET entered = entered + 1` : `${insert} ON DUPLICATE KEY UPDATE entered = entered + 1`, values);
}

const text = (value: unknown, max: number) => (typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, max) : null);

/**
 * Keeps the instance list, its incidents and the per-element statistics in step with the
 * engine's events. Every method is idempotent: an event seen twice changes nothing, and a
 * late event cannot reopen an ended instance or count a visit twice.
 */
export class InstanceProjection {
  /** An instance was created. */
  async created(manager: EntityManager, event: InstanceCreatedEvent, at = new Date()): Promise<void> {
    await manager.createQueryBuilder().insert().into(ProcessInstanceRecord).values({
      key: event.processInstanceKey,
      bpmnProcessId: event.bpmnProcessId,
      version: event.version,
      state: 'active',
      dealerId: text(event.variables.dealerId, 32),
      caseRef: text(event.variables.caseRef, 64),
      ...caseSearchFields(event.variables),
      startedAt: at,
      endedAt: null,
      openIncidents: 0,
    }).orIgnore().execute();
  }

  /** The case's variables changed (a step ran): the searchable copies follow, when they differ. */
  async variablesChanged(manager: EntityManager, key: string, variables: Record<string, unknown>): Promise<void> {
    const fields = caseSearchFields(variables);
    await manager.createQueryBuilder().update(ProcessInstanceRecord).set(fields)
      .where({ key })
      .andWhere(new Brackets((differs) => {
        for (const [column, value] of Object.entries(fields)) differs.orWhere(value === null ? `${column} IS NOT NULL` : `(${column} IS NULL OR ${column} <> :${column})`, { [column]: value });
      }))
      .execute();
  }

  /** It completed or was terminated; returns whether this call ended it. */
  async ended(manager: EntityManager, key: string, state: Exclude<InstanceListState, 'active'>, at = new Date()): Promise<boolean> {
    const result = await manager.createQueryBuilder().update(ProcessInstanceRecord)
      .set({ state, endedAt: at })
      .where({ key, state: 'active' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** An incident was raised: recorded once, counted once on its instance. */
  async incidentRaised(manager: EntityManager, incident: Incident): Promise<void> {
    if (await manager.existsBy(IncidentRecord, { key: incident.key })) return;
    await manager.insert(IncidentRecord, {
      key: incident.key,
      processInstanceKey: incident.processInstanceKey,
      elementId: incident.elementId,
      type: incident.type,
      message: incident.message.slice(0, 1000),
      jobKey: incident.jobKey ?? null,
      createdAt: new Date(incident.createdAt),
      resolvedAt: null,
      retryClaimedAt: null,
    });
    await this.countIncidents(manager, incident.processInstanceKey, '+');
  }

  /** An incident was resolved (retried, or its element went away); returns whether this call resolved it. */
  async incidentResolved(manager: EntityManager, incident: Incident, at = new Date()): Promise<boolean> {
    const result = await manager.createQueryBuilder().update(IncidentRecord)
      .set({ resolvedAt: at, retryClaimedAt: null })
      .where({ key: incident.key, resolvedAt: IsNull() })
      .execute();
    if ((result.affected ?? 0) === 0) return false;
    await this.countIncidents(manager, incident.processInstanceKey, '-');
    return true;
  }

  /** A token entered an element: one visit per element instance, counted once. */
  async elementActivated(manager: EntityManager, event: ElementActivatedEvent): Promise<void> {
    if (!event.elementInstanceKey || (await manager.existsBy(ElementVisit, { elementInstanceKey: event.elementInstanceKey }))) return;
    const instance = await manager.findOne(ProcessInstanceRecord, { where: { key: event.processInstanceKey }, select: { key: true, version: true } });
    if (!instance) return; // started before this projection existed
    const statistic = { bpmnProcessId: event.bpmnProcessId, version: instance.version, elementId: event.elementId };
    await manager.insert(ElementVisit, { elementInstanceKey: event.elementInstanceKey, processInstanceKey: event.processInstanceKey, ...statistic, activatedAt: new Date(event.at), completedAt: null });
    await countEntry(manager, statistic);
  }

  /** The token left the element: the visit's duration joins the element's total, once. */
  async elementCompleted(manager: EntityManager, event: ElementCompletedEvent): Promise<void> {
    if (!event.elementInstanceKey) return;
    const result = await manager.createQueryBuilder().update(ElementVisit)
      .set({ completedAt: new Date(event.at) })
      .where({ elementInstanceKey: event.elementInstanceKey, completedAt: IsNull() })
      .execute();
    if ((result.affected ?? 0) === 0) return;
    const visit = await manager.findOneByOrFail(ElementVisit, { elementInstanceKey: event.elementInstanceKey });
    const duration = Math.max(0, event.at - visit.activatedAt.getTime());
    await manager.createQueryBuilder().update(ElementStatistic)
      .set({ completed: () => 'completed + 1', totalDurationMs: () => `totalDurationMs + ${Math.round(duration)}` })
      .where({ bpmnProcessId: visit.bpmnProcessId, version: visit.version, elementId: visit.elementId })
      .execute();
  }

  private async countIncidents(manager: EntityManager, key: string, change: '+' | '-'): Promise<void> {
    await manager.createQueryBuilder().update(ProcessInstanceRecord)
      .set({ openIncidents: () => `openIncidents ${change} 1` })
      .where(change === '+' ? { key } : { key, openIncidents: MoreThan(0) })
      .execute();
  }
}
