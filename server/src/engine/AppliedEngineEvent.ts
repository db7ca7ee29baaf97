import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * That a consumer of the engine's events applied one event (by its key): written in the same
 * transaction as the consumer's own writes, so a second delivery of the event is skipped.
 */
@Entity('applied_engine_event')
export class AppliedEngineEvent {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  consumer!: string;

  @PrimaryColumn({ type: 'varchar', length: 191 })
  eventKey!: string;

  @Column({ type: 'datetime', precision: 3 })
  appliedAt!: Date;
}
