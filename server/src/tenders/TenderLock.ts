import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The hold of one case on one tender. `activeKey` is the tender key while the hold lasts and
 * null after: its unique index lets one case hold a tender at a time, whoever races.
 */
@Entity('tender_lock')
@Index(['activeKey'], { unique: true })
export class TenderLock {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  caseRef!: string;

  @Column({ type: 'varchar', length: 64 })
  tenderKey!: string;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  activeKey!: string | null;

  @Column({ type: 'varchar', length: 32 })
  dealerId!: string;

  /** held: while verified; locked: by the approver; released: over. */
  @Column({ type: 'varchar', length: 16 })
  state!: 'held' | 'locked' | 'released';

  @Column({ type: 'datetime', precision: 3 })
  until!: Date;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  releasedAt!: Date | null;
}
