import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/**
 * One activation of an element in an instance, keyed by the engine's element instance key:
 * it makes the heatmap's counting idempotent (an event seen twice finds its visit recorded).
 */
@Entity('process_element_visit')
@Index('IDX_process_element_visit_instance', ['processInstanceKey'])
export class ElementVisit {
  @PrimaryColumn({ type: 'varchar', length: 96 })
  elementInstanceKey!: string;

  @Column({ type: 'varchar', length: 64 })
  processInstanceKey!: string;

  @Column({ type: 'varchar', length: 128 })
  bpmnProcessId!: string;

  @Column({ type: 'integer', transformer: numberTransformer })
  version!: number;

  @Column({ type: 'varchar', length: 128 })
  elementId!: string;

  @Column({ type: 'datetime', precision: 3 })
  activatedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  completedAt!: Date | null;
}
