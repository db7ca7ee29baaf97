import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** A credit note owed to a dealer; the job key makes issuing it idempotent. */
@Entity('credit_note')
@Index(['jobKey'], { unique: true })
@Index(['dealerId'])
export class CreditNote {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  jobKey!: string;

  @Column({ type: 'varchar', length: 32 })
  dealerId!: string;

  @Column({ type: 'varchar', length: 64 })
  reference!: string;

  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: numberTransformer })
  amount!: number;

  @Column({ type: 'datetime', precision: 3 })
  issuedAt!: Date;
}
