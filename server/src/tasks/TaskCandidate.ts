import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TaskState } from './Task';

/**
 * One candidate of a task, as `group:<name>` or `user:<username>`. A row per candidate
 * lets SQL answer "tasks for any of my groups" with an index instead of scanning JSON.
 * The row repeats the task's state, dealer and due order (kept in step by TaskProjection in
 * the same transaction), so an inbox page is an ordered walk of one index per principal.
 */
@Entity('task_candidate')
@Index('IDX_task_candidate_queue', ['principal', 'state', 'dueSort', 'taskKey'])
@Index('IDX_task_candidate_dealer', ['principal', 'dealerId', 'state', 'dueSort', 'taskKey'])
export class TaskCandidate {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  taskKey!: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  principal!: string;

  /** The task's state (a copy of task.state). */
  @Column({ type: 'varchar', length: 16 })
  state!: TaskState;

  /** The task's dealer (a copy of task.dealerId), for the dealer roles' scope. */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  dealerId!: string | null;

  /** The task's due order (a copy of task.dueSort). */
  @Column({ type: 'datetime', precision: 3 })
  dueSort!: Date;
}

/** The principals a task names, in the form TaskCandidate stores. */
export function principalsOf(candidateGroups: string[], candidateUsers: string[]): string[] {
  return [...new Set([...candidateGroups.map((g) => `group:${g}`), ...candidateUsers.map((u) => `user:${u}`)])];
}
