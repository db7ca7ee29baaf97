import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { flagTransformer } from './flagTransformer';
import type { NotificationKind } from './notificationKinds';

/** Parameters of a notification's text: names, references and labels already resolved when it was written. */
export type NotificationParams = Record<string, string | number | null>;

/** One message to one person: a new task, an SLA about to pass, a decision, a mention. Only its recipient reads it. */
@Entity('user_notification')
@Index(['dedupeKey'], { unique: true })
@Index(['recipient', 'createdAt'])
@Index(['recipient', 'readAt'])
export class Notification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The recipient's login. */
  @Column({ type: 'varchar', length: 64 })
  recipient!: string;

  @Column({ type: 'varchar', length: 48 })
  kind!: NotificationKind;

  @Column({ type: 'simple-json' })
  params!: NotificationParams;

  /** Where the web app opens it: `/inbox/<task>` or `/cases/<instance>`. */
  @Column({ type: 'varchar', length: 200, nullable: true, default: null })
  link!: string | null;

  /** The cause and the recipient: the same cause never notifies the same person twice, however often it is seen. */
  @Column({ type: 'varchar', length: 191 })
  dedupeKey!: string;

  /** False when the recipient turned the bell off for this kind but still gets it by e-mail (instant or digest). */
  @Column({ type: 'integer', default: 1, transformer: flagTransformer })
  shown!: boolean;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  readAt!: Date | null;

  /** When a daily digest included it; a notification goes into one digest at most. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  digestedAt!: Date | null;
}
