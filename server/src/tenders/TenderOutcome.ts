import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A dealer's reported result of a locked tender; it feeds the dealer's rating. */
@Entity('tender_outcome')
@Index(['dealerId', 'reportedAt'])
export class TenderOutcome {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  caseRef!: string;

  @Column({ type: 'varchar', length: 32 })
  dealerId!: string;

  @Column({ type: 'varchar', length: 64 })
  tenderNumber!: string;

  @Column({ type: 'varchar', length: 8 })
  outcome!: 'won' | 'lost';

  @Column({ type: 'varchar', length: 2000, nullable: true, default: null })
  note!: string | null;

  @Column({ type: 'varchar', length: 64 })
  reportedBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  reportedAt!: Date;
}
