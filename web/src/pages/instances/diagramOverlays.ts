import type { TFunction } from 'i18next';
import type { FlowEnds } from './pathTaken';
import { heatLevel, pathTaken } from './pathTaken';
import type { InstanceDetail, ProcessHeatmap } from '@dealerflow/contract';

/** The few bpmn-js services the overlays use. */
export interface DiagramServices {
  canvas: { addMarker(id: string, marker: string): void; removeMarker(id: string, marker: string): void };
  overlays: { add(id: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string; remove(filter: { type: string }): void };
  elementRegistry: { filter(fn: (element: DiagramElement) => boolean): DiagramElement[]; get(id: string): DiagramElement | undefined };
}

/** An element of the drawn diagram, as far as the overlays care. */
export interface DiagramElement {
  id: string;
  type: string;
  businessObject: { sourceRef?: { id: string }; targetRef?: { id: string } };
}

const MARKERS = ['instance-completed', 'instance-terminated', 'instance-taken', 'instance-active', 'instance-incident', 'heat-1', 'heat-2', 'heat-3', 'heat-4', 'heat-5'];
const OVERLAY_TYPE = 'instance-state';

function badge(className: string, text: string, label: string, testId: string): HTMLElement {
  const element = document.createElement('span');
  element.className = `diagram-badge ${className}`;
  element.textContent = text;
  element.title = label;
  element.setAttribute('aria-label', label);
  element.dataset.testid = testId;
  return element;
}

/** The sequence flows drawn in the diagram. */
export function flowsOf(services: DiagramServices): FlowEnds[] {
  return services.elementRegistry.filter((e) => e.type === 'bpmn:SequenceFlow' && !!e.businessObject.sourceRef && !!e.businessObject.targetRef)
    .map((e) => ({ id: e.id, sourceId: e.businessObject.sourceRef!.id, targetId: e.businessObject.targetRef!.id }));
}

/** Formats milliseconds as the largest two units. */
export function formatDuration(ms: number, t: TFunction): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return t('instances.duration.seconds', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('instances.duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('instances.duration.hours', { hours, minutes: minutes % 60 });
  return t('instances.duration.days', { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** Clears what paint() added. */
export function clear(services: DiagramServices): void {
  services.overlays.remove({ type: OVERLAY_TYPE });
  for (const element of services.elementRegistry.filter(() => true)) for (const marker of MARKERS) services.canvas.removeMarker(element.id, marker);
}

/** Marks the instance's path, tokens and incidents, or (with a heatmap) every element's traffic. */
export function paint(services: DiagramServices, detail: InstanceDetail, heatmap: ProcessHeatmap | null, t: TFunction): void {
  clear(services);
  const known = (id: string) => services.elementRegistry.get(id) !== undefined;
  if (heatmap) {
    const max = Math.max(0, ...heatmap.elements.map((e) => e.entered));
    for (const heat of heatmap.elements.filter((e) => known(e.elementId) && e.elementId !== detail.bpmnProcessId)) {
      const level = heatLevel(heat.entered, max);
      if (level) services.canvas.addMarker(heat.elementId, `heat-${level}`);
      const average = heat.avgDurationMs === null ? '—' : formatDuration(heat.avgDurationMs, t);
      const label = t('instances.heatmap.badge', { count: heat.entered, average });
      services.overlays.add(heat.elementId, OVERLAY_TYPE, { position: { bottom: 4, left: -6 }, html: badge('diagram-badge--heat', `${heat.entered} · ${average}`, label, `heat-${heat.elementId}`) });
    }
    return;
  }
  const path = pathTaken(detail.history, flowsOf(services), detail.bpmnProcessId);
  for (const id of path.completed) if (known(id)) services.canvas.addMarker(id, 'instance-completed');
  for (const id of path.takenFlows) services.canvas.addMarker(id, 'instance-taken');
  for (const id of path.terminated) if (known(id)) services.canvas.addMarker(id, 'instance-terminated');
  const tokens = new Map<string, number>();
  for (const id of detail.activeElementIds) tokens.set(id, (tokens.get(id) ?? 0) + 1);
  for (const [id, count] of tokens) {
    if (!known(id)) continue;
    services.canvas.addMarker(id, 'instance-active');
    services.overlays.add(id, OVERLAY_TYPE, { position: { bottom: 10, left: -10 }, html: badge('diagram-badge--token', String(count), t('instances.diagram.token'), `token-${id}`) });
  }
  for (const incident of detail.incidents.filter((i) => known(i.elementId))) {
    services.canvas.addMarker(incident.elementId, 'instance-incident');
    services.overlays.add(incident.elementId, OVERLAY_TYPE, { position: { top: -10, right: 10 }, html: badge('diagram-badge--incident', '!', t('instances.diagram.incident', { message: incident.message }), `incident-${incident.elementId}`) });
  }
}
