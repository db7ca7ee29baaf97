import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A task command a server has in flight on the engine, and who sent it: the engine holds an
 * assignment or completion until its listener job completes, and another server's worker may
 * work that job (see TaskCommandActors).
 */
@Entity('task_command')
export class TaskCommandRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  taskKey!: string;

  /** The sending call's own mark: only it removes the row. */
  @Column({ type: 'varchar', length: 36 })
  token!: string;

  @Column({ type: 'varchar', length: 128 })
  username!: string;

  @Column({ type: 'datetime', precision: 3 })
  sentAt!: Date;
}
