import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** How often an element of one process version was entered and left, and how long it held its tokens in total. */
@Entity('process_element_stats')
export class ElementStatistic {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  bpmnProcessId!: string;

  @PrimaryColumn({ type: 'integer', transformer: numberTransformer })
  version!: number;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  elementId!: string;

  /** Activations. */
  @Column({ type: 'integer', default: 0, transformer: numberTransformer })
  entered!: number;

  /** Completions (an element left by a boundary event or a cancel is entered but never completed). */
  @Column({ type: 'integer', default: 0, transformer: numberTransformer })
  completed!: number;

  /** Sum of the completed visits' durations, in milliseconds. */
  @Column({ type: 'bigint', default: 0, transformer: numberTransformer })
  totalDurationMs!: number;
}
