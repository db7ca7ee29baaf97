import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** Where an instance is in its life, as the instance list shows it. */
export type InstanceListState = 'active' | 'completed' | 'terminated';

/**
 * The instance list's projection of a process instance, fed by the engine's events. The
 * engine owns the instance; this row is what the Instances page filters, sorts and pages.
 */
@Entity('process_instance')
@Index('IDX_process_instance_started', ['startedAt', 'key'])
@Index('IDX_process_instance_process', ['bpmnProcessId', 'version', 'startedAt'])
@Index('IDX_process_instance_state', ['state', 'startedAt'])
@Index('IDX_process_instance_dealer', ['dealerId', 'startedAt'])
@Index('IDX_process_instance_incidents', ['openIncidents', 'startedAt'])
@Index('IDX_process_instance_process_started', ['bpmnProcessId', 'startedAt'])
@Index('IDX_process_instance_caseref', ['caseRef'])
@Index('IDX_process_instance_vin', ['vin'])
@Index('IDX_process_instance_customer', ['customerKey'])
@Index('IDX_process_instance_dealer_caseref', ['dealerId', 'caseRef'])
@Index('IDX_process_instance_dealer_vin', ['dealerId', 'vin'])
@Index('IDX_process_instance_dealer_customer', ['dealerId', 'customerKey'])
export class ProcessInstanceRecord {
  /** The engine's process instance key (int64 in Zeebe, kept as a string). */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'varchar', length: 128 })
  bpmnProcessId!: string;

  @Column({ type: 'integer', transformer: numberTransformer })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  state!: InstanceListState;

  /** The dealer whose case this is (process variable `dealerId`). */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  dealerId!: string | null;

  /** The case reference people quote (process variable `caseRef`). */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  caseRef!: string | null;

  /** The vehicle the case is about (process variable `vin`), upper case. */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  vin!: string | null;

  /** The customer as entered (process variable `customerName`). */
  @Column({ type: 'varchar', length: 200, nullable: true, default: null })
  customerName!: string | null;

  /** The customer in lower case, for an indexed prefix search. */
  @Column({ type: 'varchar', length: 100, nullable: true, default: null })
  customerKey!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  startedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  endedAt!: Date | null;

  /** Incidents raised and not yet resolved. */
  @Column({ type: 'integer', default: 0, transformer: numberTransformer })
  openIncidents!: number;
}
