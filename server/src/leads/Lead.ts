import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** Where a lead sources from. */
export const leadSources = ['site', 'call-centre', 'test-drive', 'marketplace'] as const;
export type LeadSource = (typeof leadSources)[number];

/** What the dealer (or the distributor's queue) made of it. */
export const leadOutcomes = ['contacted', 'testDrive', 'sold', 'lost'] as const;
export type LeadOutcome = (typeof leadOutcomes)[number];

/** new → offered → accepted → contacted / testDrive → sold / lost; queued when no dealer took it. */
export type LeadStatus = 'new' | 'offered' | 'accepted' | 'queued' | LeadOutcome;

/** A prospective buyer from the brand site, a call centre or a marketplace, routed to a dealer by `lead-distribution`. */
@Entity('lead')
@Index('IDX_lead_external', ['externalId'], { unique: true })
@Index('IDX_lead_dealer', ['dealerId', 'status'])
@Index('IDX_lead_status', ['status', 'id'])
export class Lead {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The case reference people quote (`LD-2026-…`). */
  @Column({ type: 'varchar', length: 64 })
  caseRef!: string;

  /** The sender's own id; a repeated one is the same lead. */
  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  customerName!: string;

  @Column({ type: 'varchar', length: 32 })
  phone!: string;

  @Column({ type: 'varchar', length: 200, nullable: true, default: null })
  email!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true, default: null })
  regionCode!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true, default: null })
  cityCode!: string | null;

  @Column({ type: 'varchar', length: 64 })
  model!: string;

  @Column({ type: 'varchar', length: 32 })
  source!: LeadSource;

  @Column({ type: 'varchar', length: 16 })
  status!: LeadStatus;

  /** The strategy the routing policy chose. */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  strategy!: string | null;

  /** The dealer it is offered to or was taken by; null while offered to several or queued at the distributor. */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  dealerId!: string | null;

  /** Until when the current offer may be accepted. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  offerExpiresAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  acceptedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true, default: null })
  lostReason!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  processInstanceKey!: string | null;

  /** Who sent it: a user or the message that started it. */
  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  /** Offers made so far (for the list). */
  @Column({ type: 'integer', default: 0, transformer: numberTransformer })
  offers!: number;
}
