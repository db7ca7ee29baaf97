import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An incident as the Instances page lists it; open while `resolvedAt` is null. */
@Entity('process_incident')
@Index('IDX_process_incident_instance', ['processInstanceKey'])
export class IncidentRecord {
  /** The engine's incident key. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'varchar', length: 64 })
  processInstanceKey!: string;

  @Column({ type: 'varchar', length: 128 })
  elementId!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column({ type: 'varchar', length: 1000 })
  message!: string;

  /** The job whose retries ran out, for job incidents. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  jobKey!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  resolvedAt!: Date | null;

  /** Set while a retry is under way, so two concurrent retries make one; stale after a minute. */
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  retryClaimedAt!: Date | null;
}
