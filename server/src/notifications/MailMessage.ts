import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** An e-mail in the SMTP outbox, written with the change that caused it and sent by the mail worker. */
@Entity('mail_outbox')
@Index(['dedupeKey'], { unique: true })
@Index(['sentAt', 'nextAttemptAt'])
export class MailMessage {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** One message per cause and recipient (a notification, or one digest per person and day). */
  @Column({ type: 'varchar', length: 191 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 254 })
  address!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'integer', default: 0, transformer: numberTransformer })
  attempts!: number;

  @Column({ type: 'datetime', precision: 3 })
  nextAttemptAt!: Date;

  /** A worker holds the message until then; a crashed worker's hold simply runs out. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  lockedUntil!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  sentAt!: Date | null;

  /** Set when the worker gave up after the last attempt. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  failedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true, default: null })
  lastError!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
