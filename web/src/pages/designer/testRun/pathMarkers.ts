import type { Designer } from '@dealerflow/designer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';

const DONE = 'df-run-done';
const ACTIVE = 'df-run-active';

interface Connection {
  id: string;
  source?: { id: string };
  target?: { id: string };
}

/** Pairs of elements where the second was entered right after the first was left: the flows taken. */
function stepsTaken(history: { elementId: string; state: string }[]): Set<string> {
  const taken = new Set<string>();
  history.forEach((entry, i) => {
    const next = history[i + 1];
    if (entry.state === 'COMPLETED' && next?.state === 'ACTIVATED') taken.add(`${entry.elementId}>${next.elementId}`);
  });
  return taken;
}

/**
 * Marks a test run's path on the canvas: elements passed, the sequence flows taken between them,
 * and the elements the run waits in. Answers the function that removes every marker it added.
 */
export function markRunPath(designer: Designer, run: { path: string[]; active: string[]; history: { elementId: string; state: string }[] }): () => void {
  const canvas = designer.modeler.get<Canvas>('canvas');
  const registry = designer.modeler.get<ElementRegistry>('elementRegistry');
  const taken = stepsTaken(run.history);
  const marks: [string, string][] = [];
  for (const id of run.path) if (registry.get(id)) marks.push([id, run.active.includes(id) ? ACTIVE : DONE]);
  for (const element of registry.getAll() as unknown as Connection[]) {
    if (element.source && element.target && taken.has(`${element.source.id}>${element.target.id}`)) marks.push([element.id, DONE]);
  }
  for (const [id, marker] of marks) canvas.addMarker(id, marker);
  return () => {
    for (const [id, marker] of marks) if (registry.get(id)) canvas.removeMarker(id, marker);
  };
}
