import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** pending: holds the vehicle; allocated/ordered: the approver gave it; released/expired: it went back to stock. */
export type ReservationState = 'pending' | 'allocated' | 'ordered' | 'released' | 'expired';

/** One vehicle held for one dealer's case until `expiresAt`. */
@Entity('reservation')
@Index(['jobKey', 'vin'], { unique: true })
@Index(['dealerId', 'state'])
@Index(['caseRef'])
export class Reservation {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The job that reserved it: a redelivered job finds its reservations instead of making more. */
  @Column({ type: 'varchar', length: 64 })
  jobKey!: string;

  @Column({ type: 'varchar', length: 17 })
  vin!: string;

  @Column({ type: 'varchar', length: 32 })
  dealerId!: string;

  @Column({ type: 'varchar', length: 64 })
  caseRef!: string;

  @Column({ type: 'varchar', length: 64 })
  processInstanceKey!: string;

  /** Financial: the vehicle's price when reserved. */
  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: numberTransformer })
  amount!: number;

  @Column({ type: 'varchar', length: 16 })
  state!: ReservationState;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
