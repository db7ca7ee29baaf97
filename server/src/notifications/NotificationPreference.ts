import { Column, Entity, PrimaryColumn } from 'typeorm';
import { flagTransformer } from './flagTransformer';
import type { EmailMode, NotificationKind } from './notificationKinds';

/** A person's choice for one kind; without a row the defaults apply (bell on, e-mail instant when they gave an address). */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  username!: string;

  @PrimaryColumn({ type: 'varchar', length: 48 })
  kind!: NotificationKind;

  @Column({ type: 'integer', transformer: flagTransformer })
  inApp!: boolean;

  @Column({ type: 'varchar', length: 16 })
  email!: EmailMode;
}
