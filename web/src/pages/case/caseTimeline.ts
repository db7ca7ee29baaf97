import type { HistoryEntry } from '@dealerflow/contract';

/** Element kinds a person follows a case by: its events, tasks and sub-processes (gateways and flows are plumbing). */
const meaningful = /^(startEvent|endEvent|intermediateCatchEvent|intermediateThrowEvent|boundaryEvent|userTask|serviceTask|sendTask|receiveTask|scriptTask|businessRuleTask|manualTask|task|callActivity|subProcess)$/;

/** One step of a case's timeline. */
export interface TimelineStep {
  elementId: string;
  /** done: passed; now: waiting here; stopped: ended without completing (cancelled or interrupted). */
  status: 'done' | 'now' | 'stopped';
  at: number;
}

/** The BPMN element kinds of a diagram, by element id. */
export function elementKinds(xml: string): Map<string, string> {
  const kinds = new Map<string, string>();
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  for (const element of Array.from(document.getElementsByTagName('*'))) {
    const id = element.getAttribute('id');
    if (id && meaningful.test(element.localName)) kinds.set(id, element.localName);
  }
  return kinds;
}

/**
 * The steps a case went through, oldest first: each visit of a meaningful element once, at the
 * time it ended (or began, while it still waits), marked done, waiting now, or stopped.
 */
export function caseTimeline(history: HistoryEntry[], kinds: Map<string, string>, active: string[]): TimelineStep[] {
  const steps: TimelineStep[] = [];
  const open = new Map<string, TimelineStep>();
  for (const entry of history) {
    if (!kinds.has(entry.elementId)) continue;
    if (entry.state === 'ACTIVATED') {
      const step: TimelineStep = { elementId: entry.elementId, status: 'now', at: entry.at };
      open.set(entry.elementId, step);
      steps.push(step);
      continue;
    }
    const step = open.get(entry.elementId);
    open.delete(entry.elementId);
    if (step) Object.assign(step, { status: entry.state === 'COMPLETED' ? 'done' : 'stopped', at: entry.at });
    else steps.push({ elementId: entry.elementId, status: entry.state === 'COMPLETED' ? 'done' : 'stopped', at: entry.at });
  }
  // A step the engine no longer holds a token in is over, whatever its last event said.
  for (const step of open.values()) if (!active.includes(step.elementId)) step.status = 'stopped';
  return steps;
}
