import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../entities/User';
import type { InboxFilter } from '../tasks/InboxQuery';

/** The inbox filters a saved view keeps (no paging). */
export type SavedFilters = Pick<InboxFilter, 'state' | 'assignee' | 'candidateGroup' | 'dealerId' | 'processId' | 'dueBefore' | 'q' | 'sort'>;

/** A user's named set of inbox filters; only its owner ever reads or deletes it. */
@Entity('saved_view')
@Index(['userId', 'nameKey'], { unique: true })
export class SavedView {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The owner (app_user.id). */
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  /** The name lower-cased by the server, so uniqueness ignores case the same way on every database. */
  @Column({ type: 'varchar', length: 80 })
  nameKey!: string;

  @Column({ type: 'simple-json' })
  filters!: SavedFilters;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
