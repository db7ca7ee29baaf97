import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One candidate of a task, as `group:<name>` or `user:<username>`. A row per candidate
 * lets SQL answer "tasks for any of my groups" with an index instead of scanning JSON.
 */
@Entity('task_candidate')
@Index('IDX_task_candidate_principal', ['principal', 'taskKey'])
export class TaskCandidate {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  taskKey!: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  principal!: string;
}

/** The principals a task names, in the form TaskCandidate stores. */
export function principalsOf(candidateGroups: string[], candidateUsers: string[]): string[] {
  return [...new Set([...candidateGroups.map((g) => `group:${g}`), ...candidateUsers.map((u) => `user:${u}`)])];
}
