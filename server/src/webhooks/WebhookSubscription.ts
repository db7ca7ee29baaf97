import { Column, Entity, PrimaryColumn } from 'typeorm';
import { flagTransformer } from '../notifications/flagTransformer';
import { numberTransformer } from '../db/numberTransformer';

/** Where an outside system wants some of our events posted, and the secret they are signed with. */
@Entity('webhook_subscription')
export class WebhookSubscription {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  id!: string;

  /** An http(s) URL checked against the address rules when saved and again at every delivery. */
  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  /** Event types it listens to (see WEBHOOK_EVENT_TYPES). */
  @Column({ type: 'simple-json' })
  events!: string[];

  /** Only events of this process (its BPMN id), when set. */
  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  processId!: string | null;

  /** Only events of this dealer's cases, when set. */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  dealerId!: string | null;

  /** The signing secret, encrypted with the server's key (see secretBox). */
  @Column({ type: 'varchar', length: 300, select: false })
  secretSealed!: string;

  @Column({ type: 'integer', transformer: flagTransformer })
  enabled!: boolean;

  /** Failed attempts in a row; a success resets it, reaching the limit disables the subscription. */
  @Column({ type: 'integer', default: 0, transformer: numberTransformer })
  consecutiveFailures!: number;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  disabledAt!: Date | null;

  /** `failures` when the worker gave up on it, else the admin's login. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  disabledBy!: string | null;

  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
