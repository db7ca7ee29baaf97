import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { currentActor, type Actor } from '../actorContext';
import { TaskCommandRow } from './TaskCommandRow';

/** A command older than this is no longer in flight: its server died before it could say so. */
const IN_FLIGHT_MS = 2 * 60_000;

/**
 * Who asked for the task commands in flight. The engine holds an assignment or a completion until
 * its listener job completed, and that job is worked far from the request, on this server or
 * another: the feed asks here whom to name. This server's own commands are known in memory; on a
 * MySQL/MariaDB database each is also written down before it is sent, so the other servers sharing
 * the database know it too. A job whose command nobody has in flight names the actor it runs under
 * (the system).
 */
export class TaskCommandActors {
  private readonly byTask = new Map<string, Actor>();
  private readonly shared: boolean;

  constructor(private readonly dataSource?: DataSource) {
    this.shared = dataSource?.options.type === 'mysql' || dataSource?.options.type === 'mariadb';
  }

  /** Runs a command on a task, remembering the current actor while it is in flight. */
  async around<T>(taskKey: string, command: () => Promise<T>): Promise<T> {
    const actor = currentActor();
    const token = randomUUID();
    this.byTask.set(taskKey, actor);
    try {
      if (this.shared) await this.rows().upsert({ taskKey, token, username: actor.username, sentAt: new Date() }, ['taskKey']);
      return await command();
    } finally {
      if (this.byTask.get(taskKey) === actor) this.byTask.delete(taskKey);
      if (this.shared) await this.rows().delete({ taskKey, token }).catch(() => undefined);
    }
  }

  /** The actor of the command in flight on a task, if a server sent one. */
  async of(taskKey: string): Promise<Actor | undefined> {
    const here = this.byTask.get(taskKey);
    if (here || !this.shared) return here;
    const row = await this.rows().findOneBy({ taskKey });
    return row && Date.now() - row.sentAt.getTime() < IN_FLIGHT_MS ? { username: row.username } : undefined;
  }

  private rows() {
    return this.dataSource!.getRepository(TaskCommandRow);
  }
}
