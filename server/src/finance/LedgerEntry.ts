import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** An invoice raises a dealer's debt; a payment lowers it. Credit notes live in their own table and lower it too. */
export type LedgerKind = 'invoice' | 'payment';

/** One line of a dealer's open-debt ledger. */
@Entity('ledger_entry')
@Index(['dealerId', 'bookedAt'])
@Index(['reference'], { unique: true })
export class LedgerEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  dealerId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: LedgerKind;

  /** The accounting document number, e.g. `INV-2026-0012`. */
  @Column({ type: 'varchar', length: 64 })
  reference!: string;

  /** Financial: always positive; `kind` gives the sign. */
  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: numberTransformer })
  amount!: number;

  @Column({ type: 'datetime', precision: 3 })
  bookedAt!: Date;
}
