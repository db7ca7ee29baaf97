import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** One try to post a delivery: the delivery log. Only a short excerpt of the answer is kept. */
@Entity('webhook_attempt')
@Index(['deliveryId', 'id'])
export class WebhookAttempt {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', transformer: numberTransformer })
  deliveryId!: number;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  /** `ok` for a 2xx answer, else `failed`. */
  @Column({ type: 'varchar', length: 16 })
  outcome!: 'ok' | 'failed';

  /** The receiver's HTTP status; null when there was no answer (refused address, timeout, network). */
  @Column({ type: 'integer', nullable: true, default: null, transformer: numberTransformer })
  responseCode!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true, default: null })
  error!: string | null;

  @Column({ type: 'integer', transformer: numberTransformer })
  durationMs!: number;

  /** The first characters of the answer's body, for the admin. */
  @Column({ type: 'varchar', length: 200, nullable: true, default: null })
  responseExcerpt!: string | null;
}
