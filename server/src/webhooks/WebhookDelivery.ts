import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** Where a delivery stands: waiting (first try, retry, or its subscription enabled again), received, or given up after the last attempt. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event for one subscription: written with the event, held by one worker at a time while it is sent. */
@Entity('webhook_delivery')
@Index(['eventId', 'subscriptionId'], { unique: true })
@Index(['status', 'nextAttemptAt'])
@Index(['subscriptionId', 'id'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', transformer: numberTransformer })
  eventId!: number;

  @Column({ type: 'varchar', length: 24 })
  subscriptionId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0, transformer: numberTransformer })
  attempts!: number;

  @Column({ type: 'datetime', precision: 3 })
  nextAttemptAt!: Date;

  /** A worker holds the delivery until then; a crashed worker's lease simply runs out. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  lockedUntil!: Date | null;

  /** Which worker holds the lease: its result is written only while it still does. */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  lockedBy!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  deliveredAt!: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
