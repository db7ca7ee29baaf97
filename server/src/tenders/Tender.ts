import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * pending: held while the approver verifies; locked: reserved for the dealer until `lockedUntil`;
 * conflict: refused at once because another case holds the tender; refused: by the approver;
 * lapsed: not verified in time; expired: the lock ran out; won / lost: the dealer's result.
 */
export type TenderState = 'pending' | 'locked' | 'conflict' | 'refused' | 'lapsed' | 'expired' | 'won' | 'lost';

/** A dealer's application to reserve one tender, as the registry holds it. */
@Entity('tender')
@Index(['caseRef'], { unique: true })
@Index(['dealerId', 'state'])
@Index(['customerInn', 'appliedAt'])
@Index(['tenderKey'])
export class Tender {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  caseRef!: string;

  @Column({ type: 'varchar', length: 64 })
  processInstanceKey!: string;

  @Column({ type: 'varchar', length: 32 })
  dealerId!: string;

  @Column({ type: 'varchar', length: 64 })
  tenderNumber!: string;

  /** The tender number as compared: upper case, digits and letters only. */
  @Column({ type: 'varchar', length: 64 })
  tenderKey!: string;

  @Column({ type: 'varchar', length: 128 })
  platform!: string;

  @Column({ type: 'varchar', length: 12 })
  customerInn!: string;

  @Column({ type: 'varchar', length: 300 })
  customerName!: string;

  @Column({ type: 'varchar', length: 500 })
  tenderObject!: string;

  @Column({ type: 'simple-json' })
  products!: { productCode: string; quantity: number }[];

  @Column({ type: 'varchar', length: 10 })
  expectedDate!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: TenderState;

  @Column({ type: 'datetime', precision: 3 })
  appliedAt!: Date;

  /** Until when the tender is held for this case (pending) or locked to it (locked). */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  heldUntil!: Date | null;

  /** Refused for a conflict: until when the other case holds the tender (who holds it is never stored here). */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  conflictUntil!: Date | null;

  @Column({ type: 'integer', default: 0 })
  extensions!: number;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  decidedBy!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true, default: null })
  reason!: string | null;

  /** The last job that changed this row and what it answered: a redelivered job gets the same answer. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  lastJobKey!: string | null;

  @Column({ type: 'text', nullable: true, default: null })
  lastResult!: string | null;
}
