import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A notification in the outbox; mail and the web app read from here. One per job key. */
@Entity('notification')
@Index(['dealerId', 'createdAt'])
export class NotificationRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  jobKey!: string;

  @Column({ type: 'varchar', length: 64 })
  processInstanceKey!: string;

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  dealerId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  recipientGroup!: string | null;

  @Column({ type: 'simple-json' })
  data!: object;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
