import { randomUUID } from 'node:crypto';
import { LessThan, MoreThan, type DataSource } from 'typeorm';
import { ChangeCursor } from './ChangeCursor';
import { TaskChangeRow } from './TaskChangeRow';
import type { TaskEvents } from './TaskEvents';

/** Passes task change hints between the servers that share a database. */
export interface TaskChangeRelay {
  /** Stops reading; waits for a read in progress. */
  stop(): Promise<void>;
}

export interface RelayTiming {
  /** How often the other servers' changes are read. */
  pollMs: number;
  /** How long an id left empty is waited for (see ChangeCursor). */
  holeWaitMs: number;
  /** How long a change is kept for a server that is slow to read it. */
  keepMs: number;
}

const TIMING: RelayTiming = { pollMs: 250, holeWaitMs: 5_000, keepMs: 10 * 60_000 };
const READ_LIMIT = 500;
const PRUNE_EVERY = 240;

/** One server alone (the embedded SQLite database) has nobody to tell. */
const alone: TaskChangeRelay = { stop: async () => undefined };

/**
 * The task stream across servers. A task change made on one server (the listener job or engine
 * step that changed the inbox ran there) must reach the open inboxes of users signed in on any
 * server. On a MySQL/MariaDB database each change is also written to `task_change` in its own
 * transaction, and every server reads the others' rows a few times a second and tells its own
 * streams; rows are kept ten minutes. The database was chosen over Redis pub/sub because every
 * deployment of several servers already shares it, so running several servers needs nothing
 * more; and a hint committed with the change it announces is never sent for a change that rolled
 * back. The cost is a quarter second of delay and one indexed read per server and poll.
 * From the start on, `events` shares what this server announces.
 */
export async function shareTaskChanges(dataSource: DataSource, events: TaskEvents, onError: (error: unknown) => void, timing: RelayTiming = TIMING): Promise<TaskChangeRelay> {
  if (dataSource.options.type !== 'mysql' && dataSource.options.type !== 'mariadb') return alone;
  const origin = randomUUID();
  const rows = dataSource.getRepository(TaskChangeRow);
  const newest = await rows.createQueryBuilder('c').select('MAX(c.id)', 'id').getRawOne<{ id: number | null }>();
  const cursor = new ChangeCursor(Number(newest?.id ?? 0), timing.holeWaitMs);

  let polls = 0;
  const poll = async () => {
    const read = await rows.find({ where: { id: MoreThan(cursor.settled) }, order: { id: 'ASC' }, take: READ_LIMIT });
    const fresh = new Set(cursor.take(read.map((row) => row.id), Date.now()));
    for (const row of read) if (fresh.has(row.id) && row.origin !== origin) events.publish(row.change);
    if (++polls % PRUNE_EVERY === 0) await rows.delete({ createdAt: LessThan(new Date(Date.now() - timing.keepMs)) });
  };

  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = poll().catch(onError).finally(schedule);
    }, timing.pollMs).unref();
  };
  schedule();

  events.shareThrough(async (manager, change) => {
    await manager.insert(TaskChangeRow, { origin, change, createdAt: new Date() });
  });
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
