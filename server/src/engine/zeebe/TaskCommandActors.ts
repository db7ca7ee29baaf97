import { currentActor, type Actor } from '../actorContext';

/**
 * Who asked for the task commands this server has in flight. The engine holds an assignment or a
 * completion until its listener job completed, and that job is worked far from the request: the
 * feed asks here whom to name. A job worked by another server finds nobody here and names the
 * actor it runs under (the system).
 */
export class TaskCommandActors {
  private readonly byTask = new Map<string, Actor>();

  /** Runs a command on a task, remembering the current actor while it is in flight. */
  async around<T>(taskKey: string, command: () => Promise<T>): Promise<T> {
    const actor = currentActor();
    this.byTask.set(taskKey, actor);
    try {
      return await command();
    } finally {
      if (this.byTask.get(taskKey) === actor) this.byTask.delete(taskKey);
    }
  }

  /** The actor of the command in flight on a task, if this server sent one. */
  of(taskKey: string): Actor | undefined {
    return this.byTask.get(taskKey);
  }
}
