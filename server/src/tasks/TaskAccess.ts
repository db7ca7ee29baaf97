import type { CurrentUser } from '../auth/CurrentUser';
import { ConflictError, NotFoundError } from '../errors/AppError';
import type { InboxQuery } from './InboxQuery';
import type { Task } from './Task';

/** Finds a task for a user: 404 when it is out of their reach, 409 when it can no longer be worked on. */
export class TaskAccess {
  constructor(private readonly inbox: InboxQuery) {}

  /** The task if the user may see it (the inbox rules); 404 otherwise. */
  async visible(user: CurrentUser, key: string): Promise<Task> {
    const task = await this.inbox.visibleTo(user).andWhere('t.key = :key', { key }).getOne();
    if (!task) throw new NotFoundError('Task', key);
    return task;
  }

  /** The task if the user may work on it now: visible, open, and not held by someone else. */
  async actionable(user: CurrentUser, key: string): Promise<Task> {
    const task = await this.visible(user, key);
    assertWorkable(user, task);
    return task;
  }
}

/** 409 unless the task is open and free or held by the user. */
export function assertWorkable(user: Pick<CurrentUser, 'username'>, task: Pick<Task, 'key' | 'state' | 'assignee'>): void {
  assertOpen(task);
  if (task.assignee && task.assignee !== user.username) throw new ConflictError(`Task ${task.key} is claimed by ${task.assignee}`, { assignee: task.assignee });
}

/** 409 unless the task is still open. */
export function assertOpen(task: Pick<Task, 'key' | 'state'>): void {
  if (task.state !== 'open') throw new ConflictError(`Task ${task.key} is already ${task.state}`, { state: task.state });
}
