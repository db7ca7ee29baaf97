import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** What happened to a lead at one dealer (or at the distributor when `dealerId` is null). */
export type LeadEventKind = 'offered' | 'accepted' | 'declined' | 'missed' | 'queued' | 'outcome';

/**
 * One step of a lead's routing: the rating reads its effect from here, the KPI page its times.
 * `jobKey` + `dealerId` is unique: a redelivered plugin job finds its own event instead of adding one.
 */
@Entity('lead_event')
@Index('IDX_lead_event_job', ['jobKey', 'dealerId'], { unique: true })
@Index('IDX_lead_event_lead', ['leadId', 'dealerId'])
@Index('IDX_lead_event_dealer', ['dealerId', 'at'])
export class LeadEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', transformer: numberTransformer })
  leadId!: number;

  /** The dealer; '' for the distributor's queue. */
  @Column({ type: 'varchar', length: 32 })
  dealerId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: LeadEventKind;

  @Column({ type: 'varchar', length: 64 })
  jobKey!: string;

  /** For `outcome`: contacted, testDrive, sold or lost. */
  @Column({ type: 'varchar', length: 16, nullable: true, default: null })
  outcome!: string | null;

  /** For `accepted`: seconds from the offer to the acceptance. */
  @Column({ type: 'integer', nullable: true, default: null, transformer: numberTransformer })
  responseSeconds!: number | null;

  /** The dealer's rating after this event (null when it did not move it). */
  @Column({ type: 'decimal', precision: 5, scale: 2, nullable: true, default: null, transformer: numberTransformer })
  ratingAfter!: number | null;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}
