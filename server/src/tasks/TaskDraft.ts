import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Form data saved for a task without completing it: one per task, the last save wins.
 * It goes when the task ends (completed or cancelled).
 */
@Entity('task_draft')
export class TaskDraft {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  taskKey!: string;

  /** The form data as the saver could see it (fields hidden from them are not kept). */
  @Column({ type: 'simple-json' })
  variables!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64 })
  savedBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  savedAt!: Date;
}
