import { subject } from '@casl/ability';
import { candidateGroupsOf, type CurrentUser } from '../auth/CurrentUser';

/** A hint that a task changed; clients refetch through the API, which stays the truth. */
export interface TaskChange {
  key: string;
  change: 'created' | 'assigned' | 'completed' | 'cancelled';
  processInstanceKey: string;
  dealerId: string | null;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
}

/**
 * Whether a change concerns a task the user may see: the same rule InboxQuery applies in SQL
 * (the role rules for the task's dealer, and the task is theirs or offered to them).
 */
export function concerns(user: CurrentUser, change: TaskChange): boolean {
  if (user.ability.cannot('read', subject('Task', { dealerId: change.dealerId }))) return false;
  if (user.ability.can('manage', 'Task')) return true;
  const groups = candidateGroupsOf(user);
  return change.assignee === user.username || change.candidateUsers.includes(user.username) || change.candidateGroups.some((g) => groups.includes(g));
}

/**
 * In-process fan-out of task changes to open inbox streams. With several server processes
 * each one only sees the changes its own engine makes (scale-out needs a shared bus).
 */
export class TaskEvents {
  private readonly listeners = new Set<(change: TaskChange) => void>();

  publish(change: TaskChange): void {
    for (const listener of this.listeners) listener(change);
  }

  subscribe(listener: (change: TaskChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
