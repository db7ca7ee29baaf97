import type { GlobalTaskListener, TaskListenerEventType } from '@dealerflow/engine';

const EVENT_TYPES = new Set(['creating', 'assigning', 'updating', 'completing', 'canceling', 'all']);
const KEY = /^CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_(\d+)_(TYPE|RETRIES|AFTERNONGLOBAL|EVENTTYPES)(?:_(\d+))?$/;

/**
 * Global user task listeners from the environment, named as Camunda's configuration names them
 * (`CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_TYPE`, `…_0_EVENTTYPES` as a comma list or
 * `…_0_EVENTTYPES_0`, `…_0_RETRIES`, `…_0_AFTERNONGLOBAL`), in index order.
 */
export function globalListenersFromEnv(env: NodeJS.ProcessEnv): GlobalTaskListener[] {
  const byIndex = new Map<number, { type?: string; retries?: string; after?: string; eventTypes: string[] }>();
  for (const [name, value] of Object.entries(env)) {
    const m = KEY.exec(name);
    if (!m || value === undefined) continue;
    const index = Number(m[1]);
    const entry = byIndex.get(index) ?? { eventTypes: [] };
    byIndex.set(index, entry);
    if (m[2] === 'TYPE') entry.type = value.trim();
    if (m[2] === 'RETRIES') entry.retries = value.trim();
    if (m[2] === 'AFTERNONGLOBAL') entry.after = value.trim().toLowerCase();
    if (m[2] === 'EVENTTYPES') entry.eventTypes.push(...value.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean));
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, e]) => {
    const where = `CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_${index}`;
    if (!e.type) throw new Error(`${where}_TYPE must name the listener's job type`);
    if (e.eventTypes.length === 0) throw new Error(`${where}_EVENTTYPES must list event types (creating, assigning, updating, completing, canceling or all)`);
    const unknown = e.eventTypes.find((t) => !EVENT_TYPES.has(t));
    if (unknown) throw new Error(`${where}_EVENTTYPES has "${unknown}", not one of creating, assigning, updating, completing, canceling, all`);
    const retries = e.retries === undefined ? 3 : Number(e.retries);
    if (!Number.isInteger(retries) || retries < 1) throw new Error(`${where}_RETRIES must be a positive integer, got "${e.retries}"`);
    if (e.after !== undefined && e.after !== 'true' && e.after !== 'false') throw new Error(`${where}_AFTERNONGLOBAL must be true or false, got "${e.after}"`);
    return { type: e.type, eventTypes: e.eventTypes as Array<TaskListenerEventType | 'all'>, retries, afterNonGlobal: e.after === 'true' };
  });
}
