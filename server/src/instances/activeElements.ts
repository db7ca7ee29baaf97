import type { HistoryEntry } from '@dealerflow/engine';

/** The elements holding a token now: activated more often than completed or terminated (the process itself left out). */
export function activeElements(history: HistoryEntry[], bpmnProcessId: string): string[] {
  const open = new Map<string, number>();
  for (const entry of history) {
    if (entry.elementId === bpmnProcessId) continue;
    open.set(entry.elementId, (open.get(entry.elementId) ?? 0) + (entry.state === 'ACTIVATED' ? 1 : -1));
  }
  return [...open].filter(([, count]) => count > 0).map(([elementId]) => elementId);
}
