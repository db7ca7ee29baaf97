import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** Credit above a dealer's limit that finance granted until `expiresAt`. */
@Entity('overdraft')
@Index(['jobKey'], { unique: true })
@Index(['dealerId', 'expiresAt'])
export class Overdraft {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The job that granted it: a redelivered job grants nothing more. */
  @Column({ type: 'varchar', length: 64 })
  jobKey!: string;

  @Column({ type: 'varchar', length: 32 })
  dealerId!: string;

  /** Financial. */
  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: numberTransformer })
  amount!: number;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  /** The finance approver who granted it. */
  @Column({ type: 'varchar', length: 64 })
  grantedBy!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'varchar', length: 64 })
  caseRef!: string;

  @Column({ type: 'datetime', precision: 3 })
  grantedAt!: Date;
}
