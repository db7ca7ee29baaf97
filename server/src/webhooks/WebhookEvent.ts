import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One event for outside systems, written in the transaction of the change that caused it (the outbox). */
@Entity('webhook_event')
@Index(['eventKey'], { unique: true })
export class WebhookEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** What makes it one event (`task.created:<task key>`): the same cause seen twice writes one row. */
  @Column({ type: 'varchar', length: 191 })
  eventKey!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  /** The BPMN process id it belongs to, for subscriptions' filters. */
  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  processId!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  dealerId!: string | null;

  /** The event's `data`, as JSON. */
  @Column({ type: 'text' })
  data!: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
