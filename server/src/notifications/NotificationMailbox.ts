import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The e-mail address a person receives notifications at; no row, no e-mail. */
@Entity('notification_mailbox')
export class NotificationMailbox {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 254 })
  address!: string;
}
