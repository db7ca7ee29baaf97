import type { HistoryEntry } from '@dealerflow/contract';

/** A sequence flow of the diagram, by the ids of its ends. */
export interface FlowEnds {
  id: string;
  sourceId: string;
  targetId: string;
}

/** What an instance's history says about its diagram. */
export interface PathTaken {
  /** Elements that completed at least once. */
  completed: Set<string>;
  /** Sequence flows a token went along. */
  takenFlows: Set<string>;
  /** Elements left without completing (a boundary event or a cancel ended them), never completed. */
  terminated: Set<string>;
}

/**
 * Reads the path from the history: each activation of an element came along the flow from
 * whichever of its sources completed last before it (a gateway's untaken branches stay
 * unmarked; a loop marks the flow back). The process itself is left out.
 */
export function pathTaken(history: HistoryEntry[], flows: FlowEnds[], bpmnProcessId: string): PathTaken {
  const completed = new Set<string>();
  const takenFlows = new Set<string>();
  const terminated = new Set<string>();
  const incoming = new Map<string, FlowEnds[]>();
  for (const flow of flows) incoming.set(flow.targetId, [...(incoming.get(flow.targetId) ?? []), flow]);
  const lastCompleted = new Map<string, number>();
  history.forEach((entry, index) => {
    if (entry.elementId === bpmnProcessId) return;
    if (entry.state === 'COMPLETED') {
      completed.add(entry.elementId);
      lastCompleted.set(entry.elementId, index);
      return;
    }
    if (entry.state === 'TERMINATED') terminated.add(entry.elementId);
    if (entry.state !== 'ACTIVATED') return;
    let best: FlowEnds | undefined;
    for (const flow of incoming.get(entry.elementId) ?? []) {
      const at = lastCompleted.get(flow.sourceId);
      if (at !== undefined && (best === undefined || at > lastCompleted.get(best.sourceId)!)) best = flow;
    }
    if (best) takenFlows.add(best.id);
  });
  for (const id of completed) terminated.delete(id);
  return { completed, takenFlows, terminated };
}

/** A 1–5 heat level of `count` against the busiest element's count (0: never entered). */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((count / max) * 5));
}
