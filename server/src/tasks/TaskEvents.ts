import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { candidateGroupsOf, type CurrentUser } from '../auth/CurrentUser';
import { afterCommit } from '../db/afterCommit';

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

/** Why the server ended a task stream; sent to the client as its last event. */
export type StreamEndReason = 'signed_out' | 'session_expired' | 'too_many_streams';

/** An open task stream: whose, under which session, and how to end it. */
export interface TaskStream {
  userId: string;
  sessionId: string;
  end(reason: StreamEndReason): void;
}

/** The most task streams one user may hold open; opening another ends their oldest. */
export const MAX_STREAMS_PER_USER = 5;

/** Keeps a change for the other servers, in the transaction that made it. */
export type ShareChange = (manager: EntityManager, change: TaskChange) => Promise<void>;

/**
 * Fan-out of task changes to this server's open inbox streams. The changes other servers make
 * arrive through `publish` from the relay that reads them (sharedTaskChanges).
 */
export class TaskEvents {
  private readonly listeners = new Set<(change: TaskChange) => void>();
  /** Open streams per user, oldest first. */
  private readonly streams = new Map<string, TaskStream[]>();
  private share: ShareChange = async () => undefined;

  /** From now on, the changes this server makes are shared through `share`. */
  shareThrough(share: ShareChange): void {
    this.share = share;
  }

  /**
   * A change this server made, in its transaction: kept for the other servers, and told to this
   * server's streams once it commits, so a client that refetches on the hint reads the change.
   */
  async announce(manager: EntityManager, change: TaskChange): Promise<void> {
    await this.share(manager, change);
    afterCommit(manager, () => this.publish(change));
  }

  /** Tells every subscriber about a change. */
  publish(change: TaskChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Listens to changes until the returned function is called. */
  subscribe(listener: (change: TaskChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Counts an open stream until the returned function is called. Over the cap the user's
   * oldest stream ends, not the new one: the newest is the tab the user looks at, while the
   * oldest is the likeliest to be a forgotten tab or a connection that died unnoticed.
   */
  track(stream: TaskStream): () => void {
    const own = [...(this.streams.get(stream.userId) ?? []), stream];
    this.streams.set(stream.userId, own);
    if (own.length > MAX_STREAMS_PER_USER) own[0].end('too_many_streams');
    return () => {
      const left = (this.streams.get(stream.userId) ?? []).filter((open) => open !== stream);
      if (left.length) this.streams.set(stream.userId, left);
      else this.streams.delete(stream.userId);
    };
  }

  /** Ends the streams opened under a session (at sign-out). */
  endSession(sessionId: string, reason: StreamEndReason): void {
    for (const own of [...this.streams.values()]) {
      for (const stream of own.filter((open) => open.sessionId === sessionId)) stream.end(reason);
    }
  }
}
