import type { TaskListenerEventType } from '../../port';

/** The 8.6/8.7 names of task listener event types, as older models spell them. */
const LEGACY: Record<string, TaskListenerEventType> = { create: 'creating', assignment: 'assigning', update: 'updating', complete: 'completing', cancel: 'canceling' };
const CURRENT = new Set<string>(['creating', 'assigning', 'updating', 'completing', 'canceling']);

/** A task listener event type by its current or legacy name (case-insensitive); undefined when unknown. */
export function listenerEventType(raw: unknown): TaskListenerEventType | undefined {
  const name = String(raw ?? '').trim().toLowerCase();
  return CURRENT.has(name) ? (name as TaskListenerEventType) : LEGACY[name];
}
