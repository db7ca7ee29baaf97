import type { HistoryEntry } from '../port';

/** An element instance as the v2 element instance search returns it (keys as strings). */
export interface ElementInstanceRow {
  elementInstanceKey: string;
  elementId: string;
  type?: string;
  state: string;
  startDate?: string;
  endDate?: string;
}

const time = (iso: string | undefined) => (iso ? Date.parse(iso) : 0);

/**
 * The port's history from element instances. The API dates them to the millisecond only, and one
 * engine step enters and leaves many elements in the same millisecond, so the order inside a
 * millisecond is rebuilt from what the keys and the model tell: elements are entered in key order
 * (keys are handed out as they are entered); an element is left after it was entered and after
 * the elements inside it (`parentOf`, the containing subprocess from the model; a multi-instance
 * body contains the instances of its own element). Completions of separate steps that share a
 * millisecond (a pinned clock) stay in key order, which is not always the order they happened in.
 */
export function historyOf(rows: ElementInstanceRow[], parentOf: (elementId: string) => string | undefined): HistoryEntry[] {
  const ancestors = new Map<string, Set<string>>();
  const ancestorsOf = (elementId: string) => {
    let found = ancestors.get(elementId);
    if (!found) {
      found = new Set();
      for (let p = parentOf(elementId); p !== undefined && !found.has(p); p = parentOf(p)) found.add(p);
      ancestors.set(elementId, found);
    }
    return found;
  };
  const key = (r: ElementInstanceRow) => BigInt(r.elementInstanceKey);
  const contains = (outer: ElementInstanceRow, inner: ElementInstanceRow) =>
    inner !== outer && key(inner) > key(outer) &&
    (ancestorsOf(inner.elementId).has(outer.elementId) || (outer.type === 'MULTI_INSTANCE_BODY' && inner.elementId === outer.elementId));
  // deeper first among completions ranked alike: an inner instance before its multi-instance body
  const depth = (r: ElementInstanceRow) => ancestorsOf(r.elementId).size * 2 + (r.type === 'MULTI_INSTANCE_BODY' ? 0 : 1);

  // only subprocesses and multi-instance bodies contain anything: the others skip the search for their content
  const scopes = new Set(rows.flatMap((r) => [...ancestorsOf(r.elementId)]));
  const endedAt = new Map<number, ElementInstanceRow[]>();
  for (const r of rows) {
    if (!r.endDate) continue;
    const at = time(r.endDate);
    const same = endedAt.get(at);
    if (same) same.push(r);
    else endedAt.set(at, [r]);
  }

  interface Ranked { entry: HistoryEntry; rank: bigint; phase: number; depth: number }
  const ranked: Ranked[] = [];
  for (const r of rows) {
    const start = time(r.startDate);
    ranked.push({ entry: { elementId: r.elementId, state: 'ACTIVATED', at: start, elementInstanceKey: r.elementInstanceKey }, rank: key(r), phase: 0, depth: 0 });
    if (!r.endDate) continue;
    const end = time(r.endDate);
    // left just after the last element inside it that was left in the same millisecond
    let rank = key(r);
    if (scopes.has(r.elementId) || r.type === 'MULTI_INSTANCE_BODY') {
      for (const inner of endedAt.get(end) ?? []) if (contains(r, inner) && key(inner) > rank) rank = key(inner);
    }
    ranked.push({ entry: { elementId: r.elementId, state: r.state === 'TERMINATED' ? 'TERMINATED' : 'COMPLETED', at: end, elementInstanceKey: r.elementInstanceKey }, rank, phase: 1, depth: depth(r) });
  }
  ranked.sort((a, b) => a.entry.at - b.entry.at || (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0) || a.phase - b.phase || b.depth - a.depth);
  return ranked.map((r) => r.entry);
}
