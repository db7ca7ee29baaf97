import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TaskChange } from './TaskEvents';

/**
 * One task change hint, kept a few minutes for the other servers on the same database to pass on
 * to their open task streams (see sharedTaskChanges). Written in the transaction of the change.
 */
@Entity('task_change')
@Index(['createdAt'])
export class TaskChangeRow {
  /** In commit order only roughly: a transaction may take an id and commit after a later one. */
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The server that made the change; it told its own streams already. */
  @Column({ type: 'varchar', length: 36 })
  origin!: string;

  @Column({ type: 'simple-json' })
  change!: TaskChange;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
