import { keyed, NotFoundError, type EngineEvent, type Incident, type IncidentType, type InstanceDetails, type ProcessEngine, type UnkeyedEvent } from '@dealerflow/engine';
import { IsNull, type DataSource } from 'typeorm';
import { IncidentRecord } from '../../instances/IncidentRecord';
import { ProcessInstanceRecord } from '../../instances/ProcessInstanceRecord';
import { knowInstance } from './knowInstance';

/** A running sync. */
export interface InstanceSync {
  /** One pass over the active instances (also what the timer runs). */
  round(): Promise<void>;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

const event = (unkeyed: UnkeyedEvent): EngineEvent => keyed(unkeyed, () => '');

/** What the sync reads: each instance, and (over the wire) which active instances started last. */
export type SyncedEngine = Pick<ProcessEngine, 'getInstance'> & { newestActiveInstances?(limit: number): Promise<string[]> };

/** The newest active instances looked at per pass for ones the case list lacks. */
const DISCOVER_LIMIT = 100;

/**
 * What no listener job announces over the wire: an instance started elsewhere that has no user
 * task yet (the newest active instances are looked at each pass), an instance's end, its
 * incidents raised and resolved, and the elements its tokens entered and left (the heatmap's
 * counts). An instance started elsewhere that ends between two passes without a user task is
 * not listed. Every `intervalMs` it reads, through the port, each instance our list shows active,
 * and feeds what changed as the events the embedded engine would have sent. Each event has its key, so reading
 * an instance again, or on two servers at once, has one effect; the element events this server
 * fed are remembered while their instance is active, so a pass feeds only the new ones.
 *
 * It reads instance by instance with the port's getInstance rather than the gateway's searches by
 * state and keys: the port is all it needs, and the cost (four REST reads per active case per
 * pass) is small at a distributor's scale; searches are the step for many thousands of open cases.
 */
export function syncInstances(engine: SyncedEngine, dataSource: DataSource, apply: (event: EngineEvent) => Promise<void>, intervalMs: number, onError: (error: unknown) => void): InstanceSync {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  /** Per active instance, the keys of the element events fed so far. */
  const fed = new Map<string, Set<string>>();

  const feedElements = async (key: string, details: InstanceDetails) => {
    let seen = fed.get(key);
    if (!seen) fed.set(key, (seen = new Set()));
    for (const step of details.history) {
      // a terminated element never completed: the embedded engine sends nothing for it either
      if (!step.elementInstanceKey || step.state === 'TERMINATED') continue;
      const type = step.state === 'ACTIVATED' ? 'element.activated' : 'element.completed';
      const element = event({ type, processInstanceKey: key, bpmnProcessId: details.bpmnProcessId, elementId: step.elementId, elementInstanceKey: step.elementInstanceKey, at: step.at });
      if (seen.has(element.eventKey)) continue;
      await apply(element);
      seen.add(element.eventKey);
    }
  };

  const syncOne = async (key: string) => {
    const details = await engine.getInstance(key).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined; // not readable yet, or gone: asked again next pass
      throw error;
    });
    if (!details) return;
    await feedElements(key, details);
    const open = await dataSource.getRepository(IncidentRecord).findBy({ processInstanceKey: key, resolvedAt: IsNull() });
    const current = new Set(details.incidents.map((incident) => incident.key));
    for (const incident of details.incidents) if (!open.some((row) => row.key === incident.key)) await apply(event({ type: 'incident.raised', incident }));
    for (const row of open) if (!current.has(row.key)) await apply(event({ type: 'incident.resolved', incident: incidentOf(row) }));
    if (details.state === 'COMPLETED') await apply(event({ type: 'instance.completed', processInstanceKey: key, bpmnProcessId: details.bpmnProcessId, variables: details.variables }));
    if (details.state === 'TERMINATED') await apply(event({ type: 'instance.terminated', processInstanceKey: key, bpmnProcessId: details.bpmnProcessId }));
  };

  /** Lists the active instances started elsewhere that the list lacks; answers their keys. */
  const discovered = async (known: Set<string>): Promise<string[]> => {
    const newest = (await engine.newestActiveInstances?.(DISCOVER_LIMIT)) ?? [];
    const added: string[] = [];
    for (const key of newest.filter((k) => !known.has(k))) {
      await knowInstance(engine, dataSource, apply, key).then(() => added.push(key), onError);
    }
    return added;
  };

  const round = async () => {
    const active = await dataSource.getRepository(ProcessInstanceRecord).find({ where: { state: 'active' }, select: { key: true } });
    const keys = new Set(active.map((row) => row.key));
    for (const key of fed.keys()) if (!keys.has(key)) fed.delete(key);
    for (const key of await discovered(keys)) keys.add(key);
    for (const key of keys) {
      if (stopped) return;
      await syncOne(key).catch(onError);
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = running.then(round).catch(onError).finally(schedule);
    }, intervalMs).unref();
  };
  schedule();

  return {
    round() {
      const pass = running.then(round);
      running = pass.catch(() => undefined);
      return pass;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Our record of an incident as the port's. */
function incidentOf(row: IncidentRecord): Incident {
  return {
    key: row.key, processInstanceKey: row.processInstanceKey, elementId: row.elementId, type: row.type as IncidentType,
    message: row.message, ...(row.jobKey ? { jobKey: row.jobKey } : {}), createdAt: row.createdAt.getTime(),
  };
}
